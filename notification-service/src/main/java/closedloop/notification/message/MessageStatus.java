package closedloop.notification.message;

/**
 * Where a message is on its way out. HELD and PENDING wait for the delivery pass; SENT, FAILED and SUPPRESSED are
 * final.
 */
public enum MessageStatus {
    /** A customer SMS recorded during quiet hours: kept back until they end ({@code heldUntil}). */
    HELD,
    /** Due for delivery at {@code nextAttemptAt}: at once when recorded, later after a failed attempt. */
    PENDING,
    /** Handed to its channel, which accepted it. */
    SENT,
    /** Given up: the channel refused it for good, or it grew older than the maximum age before it went out. */
    FAILED,
    /**
     * Never sent, on purpose: a rule held it back, e.g. at most one acknowledgement SMS per phone within an interval;
     * {@code suppressedBecause} says which and why.
     */
    SUPPRESSED;

    /** Whether the delivery pass still has to deliver a message in this state. */
    public boolean isWaiting() {
        return this == HELD || this == PENDING;
    }
}
