package closedloop.notification.message;

/** Why a message is sent; one message per causing event, purpose, recipient kind and channel. */
public enum Purpose {
    /** To the customer: the complaint was registered, with its number and the promised reply time. */
    REGISTRATION_ACK,
    /** To the customer: a supervisor approved an extension (延期), with the new time by which it will be resolved. */
    EXTENSION_NOTICE,
    /** To the customer: the branch resolved the complaint; a callback follows. */
    RESOLUTION_NOTICE,
    /** To the customer: a promise made to them was kept (承诺兑现), with its evidence, e.g. the refund's reference. */
    PROMISE_KEPT,
    /**
     * To the customer, when the problem closing asks for it: the problem (问题单) behind their complaint was solved,
     * with its resolution.
     */
    PROBLEM_SOLVED,
    /** To the customer: the complaint was closed after the callback. */
    CLOSURE_NOTICE,
    /** To the customer: every callback call failed, so the survey comes by SMS with a reply code. */
    CALLBACK_SURVEY,
    /** To the branch: a new ticket (工单) was dispatched to it. */
    NEW_TICKET,
    /** To the branch: 75 % of a ticket's time limit passed (催办). */
    SLA_WARNING,
    /** To the branch and the supervisors: a limit passed, the ticket is under supervision (督办, level 1). */
    ESCALATION_LEVEL_1,
    /** To the supervisors: the ticket goes on the office meeting's agenda (办公会, level 2). */
    ESCALATION_LEVEL_2,
    /** To the branch: the customer was unsatisfied and the complaint came back to it (发回重办). */
    TICKET_REOPENED,
    /** To the supervisors: a message could not be delivered before it grew too old. */
    DELIVERY_FAILED
}
