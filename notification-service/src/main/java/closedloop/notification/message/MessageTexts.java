package closedloop.notification.message;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The words of the messages to the customer and to the branches. Times are told in the operator's zone. */
public final class MessageTexts {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

    /** Tells the customer that an extension (延期) was approved and by when the complaint will now be resolved. */
    public static String extensionNotice(String number, Instant deadline, ZoneId zone) {
        return "Your complaint " + number + " needs more time. We will resolve it by " + localTime(deadline, zone)
                + ".";
    }

    /**
     * Chases the branch (催办): 75 % of a limit of the ticket passed.
     *
     * @param complaint the complaint's number, or its id when the number is not known
     */
    public static String warning(String complaint, String ticketId, ClockKind clock, Instant deadline, ZoneId zone) {
        return "Reminder: 75% of the " + limit(clock) + " of ticket " + ticketId + " (complaint " + complaint
                + ") has passed. It is due by " + localTime(deadline, zone) + ".";
    }

    /**
     * Tells the branch that the ticket climbed the escalation ladder: to supervision (督办) at level 1, onto the
     * office meeting's (办公会) agenda at level 2; and why.
     *
     * @param complaint the complaint's number, or its id when the number is not known
     * @param clock     the limit that passed; null when no limit caused it
     */
    public static String escalation(String complaint, String ticketId, int level, ClockKind clock, Instant deadline,
                                    EscalationReason reason, ZoneId zone) {
        String ticket = "ticket " + ticketId + " (complaint " + complaint + ")";
        String rung = level >= 2
                ? "Escalated to level 2: " + ticket + " goes on the agenda of the next office meeting"
                : "Escalated to level 1: " + ticket + " is now under supervision";
        return rung + " because " + why(reason, clock, deadline, zone) + ".";
    }

    private static String why(EscalationReason reason, ClockKind clock, Instant deadline, ZoneId zone) {
        if (reason == null) {
            return passed(clock, deadline, zone);
        }
        return switch (reason) {
            case LIMIT_PASSED -> passed(clock, deadline, zone);
            case LONG_PAST_LIMIT -> "it is still unresolved long after " + passed(clock, deadline, zone);
            case MAJOR_BREACHED -> "it is a major complaint and " + passed(clock, deadline, zone);
            case REOPENED_TWICE -> "the complaint was reopened twice";
            case UNCLAIMED -> "it was returned or re-routed 3 times with nobody signing for it";
        };
    }

    /** "its resolve limit passed at 2026-11-22 10:29"; "a time limit passed" when it is not named. */
    private static String passed(ClockKind clock, Instant deadline, ZoneId zone) {
        if (clock == null) {
            return "a time limit passed";
        }
        return "its " + limit(clock) + " passed" + (deadline == null ? "" : " at " + localTime(deadline, zone));
    }

    static String limit(ClockKind clock) {
        if (clock == null) {
            return "time limit";
        }
        return switch (clock) {
            case SIGN_FOR -> "sign-for limit";
            case FIRST_CONTACT -> "first-contact limit";
            case RESOLVE -> "resolve limit";
            case OUTSIDE -> "outside reply limit (regulator or 12315)";
        };
    }

    /** "2026-11-25 18:00": the instant as the clock on the wall in the zone shows it, to the minute. */
    static String localTime(Instant instant, ZoneId zone) {
        return LOCAL_TIME.format(instant.atZone(zone));
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
