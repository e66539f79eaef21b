package closedloop.escalation.sla;

/** Where an SLA clock stands. */
public enum ClockState {

    /** Counting down to its deadline. */
    RUNNING,

    /** The ticket was resolved before the deadline; nothing more happens. */
    STOPPED,

    /** The deadline passed and the ticket was escalated. */
    ESCALATED
}
