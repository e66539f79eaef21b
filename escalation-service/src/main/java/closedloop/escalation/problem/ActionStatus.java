package closedloop.escalation.problem;

/**
 * Where a corrective action stands on its clock: OPEN, WARNED once three quarters of its working time passed (催办),
 * OVERDUE once its due date passed, DONE when its owner or a supervisor recorded it done.
 */
public enum ActionStatus {
    OPEN, WARNED, OVERDUE, DONE;

    /** Whether it is still to be done. */
    public boolean pending() {
        return this != DONE;
    }
}
