package closedloop.notification.message;

/** How a message reaches its recipient; each channel has its own {@link MessageSender}. */
public enum MessageChannel {
    /** A text message to a phone number: the customer. */
    SMS,
    /** A mail to an address; no sender delivers it yet. */
    EMAIL,
    /**
     * The inbox of a branch (支局), read by its dispatcher in their queue; the recipient is {@code branch:<code>},
     * see {@link Message#branchRecipient(String)}.
     */
    BRANCH_INBOX
}
