package closedloop.notification.message;

/** Who a message is for, which decides its template, its language and whether quiet hours hold it. */
public enum RecipientKind {
    /** The customer who complained. */
    CUSTOMER,
    /** The branch (支局) that holds the ticket, read by its dispatcher. */
    BRANCH,
    /** The customer-service centre's supervisors (督办). */
    SUPERVISORS
}
