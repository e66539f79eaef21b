package closedloop.notification.callback;

import closedloop.platform.PhoneNumbers;

import java.time.Instant;

/**
 * The SMS survey a callback sends once every call failed: the code the customer's reply starts with, and until when a
 * reply counts. A reply is matched on its code and the phone it comes from: {@code replyKey}
 * ({@code <normalized phone>#<code>}) stays to recognise a second reply, {@code awaitingReply} (the same value) only
 * while a reply is awaited (a unique sparse index: no two awaited surveys to one phone share a code).
 *
 * @param replyCode     the code, as the customer got it
 * @param replyKey      what a reply is matched on; null when the phone has no digits, which no reply can match
 * @param awaitingReply the reply key while a reply is awaited; null once the callback is completed
 * @param sentAt        when the last call failed and the survey went out
 * @param replyBy       until when a reply counts; after it the callback is completed UNREACHABLE
 * @param queuedAt      when the SMS was handed to the messenger; null until then (the survey pass hands it over)
 */
public record SmsSurvey(String replyCode, String replyKey, String awaitingReply, Instant sentAt, Instant replyBy,
                        Instant queuedAt) {

    /** What separates the phone from the code in a reply key. */
    static final String KEY_SEPARATOR = "#";

    /** A survey with this code to this phone, sent now and awaiting a reply until {@code replyBy}. */
    static SmsSurvey sent(String phone, String replyCode, Instant sentAt, Instant replyBy) {
        String replyKey = replyKey(phone, replyCode);
        return new SmsSurvey(replyCode, replyKey, replyKey, sentAt, replyBy, null);
    }

    /**
     * What a survey reply with this code from this phone is matched on: {@code <normalized phone>#<code>}; null when
     * the phone has no digits, which no reply can match.
     */
    public static String replyKey(String phone, String replyCode) {
        String normalized = PhoneNumbers.normalized(phone);
        return normalized.isEmpty() ? null : normalized + KEY_SEPARATOR + replyCode;
    }

    /** This survey with its SMS handed to the messenger at {@code at}. */
    SmsSurvey queued(Instant at) {
        return new SmsSurvey(replyCode, replyKey, awaitingReply, sentAt, replyBy, at);
    }

    /** This survey no longer awaiting a reply: the callback is completed. */
    SmsSurvey closed() {
        return new SmsSurvey(replyCode, replyKey, null, sentAt, replyBy, queuedAt);
    }

    /** Whether its SMS is in the messenger's hands. */
    public boolean isQueued() {
        return queuedAt != null;
    }

    /** Prints the phone of the keys masked and the reply code hidden: a survey may end up in a log line. */
    @Override
    public String toString() {
        return closedloop.platform.PhoneNumbers.toMaskedString(new SmsSurvey(hidden(replyCode), hidden(replyKey),
                hidden(awaitingReply), sentAt, replyBy, queuedAt));
    }

    /** The value with its reply code, all of it or after the {@code #} of a key, hidden. */
    private static String hidden(String codeOrKey) {
        if (codeOrKey == null) {
            return null;
        }
        int hash = codeOrKey.indexOf('#');
        return hash < 0 ? "****" : codeOrKey.substring(0, hash + 1) + "****";
    }
}
