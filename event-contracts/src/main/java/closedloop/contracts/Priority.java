package closedloop.contracts;

/** How urgently a complaint must be handled; each step up shortens its time limits. */
public enum Priority {
    NORMAL, URGENT, MAJOR;

    /** The next priority up, or MAJOR when already there. */
    public Priority raised() {
        return this == NORMAL ? URGENT : MAJOR;
    }
}
