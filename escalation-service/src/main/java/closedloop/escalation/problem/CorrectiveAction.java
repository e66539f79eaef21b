package closedloop.escalation.problem;

import java.time.Instant;

/**
 * One measure of a problem's corrective plan (整改措施): what, who is to do it, by when; warned at {@code warnAt}
 * (three quarters of its working time), overdue at {@code dueAt}, until it is recorded done, with who and when.
 */
public class CorrectiveAction {

    private String id;
    private String what;
    private String owner;
    private Instant dueAt;
    private Instant warnAt;
    private ActionStatus status;
    private Instant plannedAt;
    private String plannedBy;
    private Instant doneAt;
    private String doneBy;
    private String note;

    CorrectiveAction() {
    }

    CorrectiveAction(String id, String what, String owner, Instant dueAt, Instant warnAt, Instant plannedAt,
                     String plannedBy) {
        this.id = id;
        this.what = what;
        this.owner = owner;
        this.dueAt = dueAt;
        this.warnAt = warnAt;
        this.plannedAt = plannedAt;
        this.plannedBy = plannedBy;
        this.status = ActionStatus.OPEN;
    }

    /** The next instant its clock must be looked at: the warning while OPEN, the due date while WARNED; else null. */
    Instant nextCheck() {
        return switch (status) {
            case OPEN -> warnAt;
            case WARNED -> dueAt;
            default -> null;
        };
    }

    void warned() {
        status = ActionStatus.WARNED;
    }

    void overdue() {
        status = ActionStatus.OVERDUE;
    }

    void done(String note, String actor, Instant at) {
        status = ActionStatus.DONE;
        this.note = note;
        this.doneBy = actor;
        this.doneAt = at;
    }

    public String id() {
        return id;
    }

    public String what() {
        return what;
    }

    public String owner() {
        return owner;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant warnAt() {
        return warnAt;
    }

    public ActionStatus status() {
        return status;
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public String plannedBy() {
        return plannedBy;
    }

    public Instant doneAt() {
        return doneAt;
    }

    public String doneBy() {
        return doneBy;
    }

    public String note() {
        return note;
    }
}
