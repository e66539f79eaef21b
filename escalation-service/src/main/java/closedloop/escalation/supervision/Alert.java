package closedloop.escalation.supervision;

import closedloop.contracts.ClockKind;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.CorrectiveActionOverdue;
import closedloop.contracts.CorrectiveActionWarned;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.ObligationBreached;
import closedloop.contracts.ObligationWarned;
import closedloop.contracts.OfficeMeetingDecisionOverdue;
import closedloop.contracts.ProblemOpened;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketWarned;
import closedloop.platform.domain.IllegalTransition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A live alert for supervisors: a ticket was warned (催办), escalated (督办, 办公会), an office-meeting decision went
 * overdue, a message to a customer or to staff could not be delivered, a promise to a customer slipped, a problem (问题单)
 * was opened or one of its corrective actions slipped. Its id is the id of the event that raised it, so that raising it twice is a duplicate key. It is OPEN until
 * a supervisor acknowledges it and CLEARED when its ticket is resolved or its complaint closed.
 */
@Document(Alert.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "status_raisedAt", def = "{'status': 1, 'raisedAt': -1}"),
        @CompoundIndex(name = "branch_status_raisedAt", def = "{'branch': 1, 'status': 1, 'raisedAt': -1}"),
        @CompoundIndex(name = "ticketId_status", def = "{'ticketId': 1, 'status': 1}"),
        @CompoundIndex(name = "complaintId_status", def = "{'complaintId': 1, 'status': 1}")
})
public class Alert {

    public static final String COLLECTION = "alerts";

    @Id
    private String id;
    @Version
    private Long version;
    private AlertKind kind;
    private int level;
    private String complaintId;
    private String ticketId;
    private String branch;
    private ClockKind clock;
    private Instant deadline;
    private EscalationReason reason;
    /** The office-meeting item a DECISION_OVERDUE alert is about. */
    private String itemId;
    /** The problem a PROBLEM_OPENED, ACTION_WARNING or ACTION_OVERDUE alert is about. */
    private String problemId;
    private Instant raisedAt;
    private String summary;
    private AlertStatus status;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private Instant clearedAt;

    private Alert() {
    }

    private Alert(ClosedLoopEvent cause, AlertKind kind, String ticketId, String branch, ClockKind clock,
                  Instant deadline, EscalationReason reason, String itemId) {
        this.id = cause.eventId().toString();
        this.kind = kind;
        this.level = kind.level();
        this.complaintId = cause.complaintId();
        this.ticketId = ticketId;
        this.branch = branch;
        this.clock = clock;
        this.deadline = deadline;
        this.reason = reason;
        this.itemId = itemId;
        this.raisedAt = cause.occurredAt();
        this.summary = cause.summary();
        this.status = AlertStatus.OPEN;
    }

    /**
     * The alert this event raises, OPEN; empty for events that raise none. A decision-overdue event names no branch:
     * the caller adds it from the office-meeting item ({@link #atBranch}).
     */
    public static Optional<Alert> raisedBy(ClosedLoopEvent event) {
        if (event instanceof TicketWarned warned) {
            return Optional.of(new Alert(warned, AlertKind.WARNING, warned.ticketId(), warned.branch(), warned.clock(),
                    warned.deadline(), null, null));
        }
        if (event instanceof TicketEscalated escalated) {
            return Optional.of(new Alert(escalated, AlertKind.ofEscalation(escalated.level()), escalated.ticketId(),
                    escalated.branch(), escalated.clock(), escalated.deadline(), escalated.reason(), null));
        }
        if (event instanceof OfficeMeetingDecisionOverdue overdue) {
            return Optional.of(new Alert(overdue, AlertKind.DECISION_OVERDUE, overdue.ticketId(), null, null,
                    overdue.deadline(), null, overdue.itemId()));
        }
        if (event instanceof MessageFailed failed) {
            return Optional.of(new Alert(failed, AlertKind.DELIVERY_FAILED, null, null, null, null, null, null));
        }
        if (event instanceof ObligationWarned warned) {
            return Optional.of(new Alert(warned, AlertKind.OBLIGATION_WARNING, null, warned.branch(), null,
                    warned.dueAt(), null, null));
        }
        if (event instanceof ObligationBreached breached) {
            return Optional.of(new Alert(breached, AlertKind.OBLIGATION_BREACHED, null, breached.branch(), null,
                    breached.dueAt(), null, null));
        }
        if (event instanceof ProblemOpened opened) {
            return Optional.of(new Alert(opened, AlertKind.PROBLEM_OPENED, null, null, null, null, null, null)
                    .aboutProblem(opened.problemId()));
        }
        if (event instanceof CorrectiveActionWarned warned) {
            return Optional.of(new Alert(warned, AlertKind.ACTION_WARNING, null, warned.owner(), null, warned.dueAt(),
                    null, null).aboutProblem(warned.problemId()));
        }
        if (event instanceof CorrectiveActionOverdue overdue) {
            return Optional.of(new Alert(overdue, AlertKind.ACTION_OVERDUE, null, overdue.owner(), null,
                    overdue.dueAt(), null, null).aboutProblem(overdue.problemId()));
        }
        return Optional.empty();
    }

    private Alert aboutProblem(String id) {
        problemId = id;
        return this;
    }

    /** Names the branch of an alert whose event did not; a branch already known stays. */
    public Alert atBranch(String knownBranch) {
        if (branch == null) {
            branch = knownBranch;
        }
        return this;
    }

    /**
     * A supervisor takes the alert on: OPEN → ACKNOWLEDGED. An alert acknowledged before keeps its first
     * acknowledgement (also once cleared); a cleared alert nobody acknowledged cannot be acknowledged any more.
     *
     * @return whether the alert changed
     */
    public boolean acknowledge(String actor, Instant at) {
        if (acknowledgedBy != null) {
            return false;
        }
        if (status == AlertStatus.CLEARED) {
            throw new IllegalTransition("alert", "acknowledge", status, List.of());
        }
        status = AlertStatus.ACKNOWLEDGED;
        acknowledgedBy = actor;
        acknowledgedAt = at;
        return true;
    }

    /**
     * The alert's problem is gone (ticket resolved, complaint closed): OPEN or ACKNOWLEDGED → CLEARED.
     *
     * @return whether the alert changed
     */
    public boolean clear(Instant at) {
        if (status == AlertStatus.CLEARED) {
            return false;
        }
        status = AlertStatus.CLEARED;
        clearedAt = at;
        return true;
    }

    public String id() {
        return id;
    }

    public AlertKind kind() {
        return kind;
    }

    public int level() {
        return level;
    }

    public String complaintId() {
        return complaintId;
    }

    public String ticketId() {
        return ticketId;
    }

    public String branch() {
        return branch;
    }

    public ClockKind clock() {
        return clock;
    }

    public Instant deadline() {
        return deadline;
    }

    public EscalationReason reason() {
        return reason;
    }

    public String itemId() {
        return itemId;
    }

    public String problemId() {
        return problemId;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public String summary() {
        return summary;
    }

    public AlertStatus status() {
        return status;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant clearedAt() {
        return clearedAt;
    }
}
