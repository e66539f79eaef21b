package closedloop.notification.message;

/** Why a message is sent; one message per purpose and causing event. */
public enum Purpose {
    /** The complaint was registered: its number and the promised reply time. */
    REGISTRATION_ACK,
    /** The branch resolved the complaint; a callback follows. */
    RESOLUTION_NOTICE,
    /** The complaint was closed after the callback. */
    CLOSURE_NOTICE
}
