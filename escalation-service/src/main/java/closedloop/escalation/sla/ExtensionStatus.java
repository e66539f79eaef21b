package closedloop.escalation.sla;

/** Where a request for more time (延期) stands. */
public enum ExtensionStatus {

    /** Waiting for a supervisor to approve or refuse it. */
    PENDING,

    /** Approved: the resolve deadline moved. */
    APPROVED,

    /** Refused, with a reason: the deadline stays. */
    REFUSED,

    /** Never decided: its ticket was resolved or left its branch before a supervisor did. */
    LAPSED
}
