package closedloop.notification.message;

/** How a message reaches its recipient; each channel has its own {@link MessageSender}. */
public enum MessageChannel {
    /** A text message to a phone number, through the operator's SMS gateway: the customer. */
    SMS,
    /** A mail through the SMTP server to one or more addresses (comma-separated): branches and supervisors. */
    EMAIL,
    /**
     * Server-sent events to the staff consoles that are open for the recipient: {@code branch:<code>} or
     * {@code supervisors}.
     */
    LIVE
}
