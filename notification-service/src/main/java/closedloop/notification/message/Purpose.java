package closedloop.notification.message;

/** Why a message is sent; one message per purpose and causing event. */
public enum Purpose {
    /** The complaint was registered: its number and the promised reply time. */
    REGISTRATION_ACK,
    /** The branch resolved the complaint; a callback follows. */
    RESOLUTION_NOTICE,
    /** The complaint was closed after the callback. */
    CLOSURE_NOTICE,
    /** A supervisor approved the branch's extension (延期): the customer hears by when it will now be resolved. */
    EXTENSION_NOTICE,
    /** To the branch: 75 % of a ticket's time limit passed (催办). */
    SLA_WARNING,
    /** To the branch: a ticket was escalated to supervision (督办, level 1) or the office meeting (办公会, level 2). */
    ESCALATION_NOTICE
}
