package closedloop.contracts;

/** Why a ticket was opened at its branch. */
public enum AssignmentReason {
    /** routed by district and category when the complaint was registered */
    ROUTED,
    /** the customer was unsatisfied and the complaint went back to the same branch (发回重办) */
    REOPENED,
    /** the previous branch returned its ticket (退单) and it was routed elsewhere */
    RETURNED,
    /** the dispatch desk sent it to a branch by hand */
    TRANSFERRED
}
