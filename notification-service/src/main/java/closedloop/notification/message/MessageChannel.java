package closedloop.notification.message;

/** How a message reaches its recipient; each channel has its own {@link MessageSender}. */
public enum MessageChannel {
    SMS, EMAIL
}
