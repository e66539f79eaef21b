package closedloop.notification.message;

import closedloop.contracts.CallbackOutcome;

import java.time.Duration;

/** The words of the messages to the customer. */
public final class MessageTexts {

    private MessageTexts() {
    }

    /** Confirms the registration with the complaint number and the reply time promised. */
    public static String registrationAck(String number, Duration replyWithin) {
        return "Your complaint " + number + " has been registered. We will reply " + within(replyWithin) + ".";
    }

    /** Tells the customer that the branch resolved the complaint and that we will call them. */
    public static String resolutionNotice(String number) {
        return "Your complaint " + number + " has been resolved. We will call you shortly to ask whether you are satisfied.";
    }

    /** Tells the customer that the complaint is closed; an unreachable customer is told how to come back. */
    public static String closureNotice(String number, CallbackOutcome outcome) {
        if (outcome == CallbackOutcome.UNREACHABLE) {
            return "We could not reach you about your complaint " + number
                    + ", so it is now closed. If the problem remains, call us and quote this number.";
        }
        return "Your complaint " + number + " is now closed. Thank you for your feedback.";
    }

    /** "within 24 hours", "within 3 days" (from 48 hours on), "within 90 minutes". */
    static String within(Duration duration) {
        if (duration.toDays() >= 2 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return "within " + plural(duration.toDays(), "day");
        }
        if (duration.equals(Duration.ofHours(duration.toHours()))) {
            return "within " + plural(duration.toHours(), "hour");
        }
        return "within " + plural(duration.toMinutes(), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
