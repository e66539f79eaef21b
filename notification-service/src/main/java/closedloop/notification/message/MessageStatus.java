package closedloop.notification.message;

/** Where a message is on its way out. */
public enum MessageStatus {
    /** Recorded, not yet handed to its channel. */
    PENDING,
    /** Handed to its channel. */
    SENT
}
