package closedloop.platform.security;

/** What a person or an integration does in the loop; a token names its roles in its {@code roles} claim. */
public enum Role {
    /** A hotline agent: registers complaints, calls customers back. */
    AGENT,
    /** A branch dispatcher: works the tickets of the branches in their token's {@code branches} claim. */
    DISPATCHER,
    /** The dispatch desk: the MANUAL queue, dispatching and transferring tickets. */
    DISPATCH_DESK,
    /** A supervisor: reads everything, acknowledges alerts, decides extensions and office-meeting items. */
    SUPERVISOR,
    /** An administrator: the branch directory and the time-limit policy. */
    ADMIN,
    /** An integration that registers complaints, e.g. the web portal. */
    INTAKE_CLIENT;

    /** The roles of people, as opposed to integrations. */
    public static final Role[] STAFF = {AGENT, DISPATCHER, DISPATCH_DESK, SUPERVISOR, ADMIN};

    /** The Spring Security authority of this role, e.g. {@code ROLE_AGENT}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
