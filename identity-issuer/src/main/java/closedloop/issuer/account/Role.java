package closedloop.issuer.account;

/**
 * The roles a token may carry in its {@code roles} claim; the services grant each one its endpoints (Spring authority
 * {@code ROLE_<role>}).
 */
public enum Role {

    /** The hotline agent: registers and reads complaints, works the callbacks. */
    AGENT,
    /** A branch dispatcher: works the tickets of their own branches. */
    DISPATCHER,
    /** The dispatch desk: the manual queue, dispatch and transfer. */
    DISPATCH_DESK,
    /** The supervisor: reads everything, decides extensions and alerts. */
    SUPERVISOR,
    /** The administrator: the admin endpoints. */
    ADMIN,
    /** An integration that registers complaints, e.g. the web portal. */
    INTAKE_CLIENT
}
