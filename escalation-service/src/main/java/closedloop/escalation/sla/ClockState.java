package closedloop.escalation.sla;

/** Where one SLA clock stands. */
public enum ClockState {

    /** Counting down to its deadline (also after the deadline passed, until the ticket is resolved). */
    RUNNING,

    /** Stopped while the branch waits on the customer; its instants move on when it resumes. */
    PAUSED,

    /** Done: the step was taken, or the ticket was resolved or left its branch's hands. */
    STOPPED
}
