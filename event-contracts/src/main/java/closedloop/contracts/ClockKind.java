package closedloop.contracts;

/** The time limits a ticket is held against. */
public enum ClockKind {
    SIGN_FOR, FIRST_CONTACT, RESOLVE
}
