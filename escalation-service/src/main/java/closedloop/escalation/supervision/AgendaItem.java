package closedloop.escalation.supervision;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.OfficeMeetingDecided;
import closedloop.contracts.OfficeMeetingDecisionOverdue;
import closedloop.contracts.TicketEscalated;
import closedloop.platform.WaitingMarker;
import closedloop.platform.domain.IllegalTransition;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A major unresolved complaint on the office meeting's (办公会) agenda, put there by a level 2 escalation, whose id is
 * the item's id. It runs OPEN → DECIDED (the meeting named an owner, a deadline and what to do; it may decide again)
 * → DONE (the complaint was resolved after the escalation, or closed). A decision whose deadline passes before the
 * item is DONE raises {@code OfficeMeetingDecisionOverdue} once. Each change and the events it causes are one
 * versioned document write (the item is its own outbox). While a decision's deadline is watched the item carries the
 * waiting marker {@value #AWAITING_DECISION_DEADLINE} (sparse index), by which the decision pass finds it
 * (docs/architecture.md §9.19).
 */
@Document(AgendaItem.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "status_escalatedAt", def = "{'status': 1, 'escalatedAt': 1}"),
        @CompoundIndex(name = "status_decisionDue", def = "{'status': 1, 'decisionDue': 1}"),
        @CompoundIndex(name = "complaintId_status", def = "{'complaintId': 1, 'status': 1}")
})
public class AgendaItem extends OutboxDocument {

    public static final String COLLECTION = "agenda_items";
    /** The waiting marker: present only while the decision pass watches the item's decision deadline. */
    public static final String AWAITING_DECISION_DEADLINE = "awaitingDecisionDeadline";

    @Id
    private String id;
    @Version
    private Long version;
    private String complaintId;
    private String ticketId;
    private String branch;
    private EscalationReason reason;
    private ClockKind clock;
    private Instant deadline;
    private Instant escalatedAt;
    private AgendaStatus status;
    private Decision decision;
    private List<Decision> decisions = new ArrayList<>();
    /** The deadline of the current decision while its overdue event is still to be raised; null otherwise. */
    private Instant decisionDue;
    /** Since when the current decision's deadline is watched; absent while {@code decisionDue} is. */
    @Indexed(sparse = true)
    private Instant awaitingDecisionDeadline;
    private Instant doneAt;
    private String doneBecause;

    private AgendaItem() {
    }

    /** The item a level 2 escalation puts on the agenda, OPEN. */
    public static AgendaItem escalated(TicketEscalated escalation) {
        if (escalation.level() < 2) {
            throw new IllegalArgumentException("Only a level 2 escalation goes to the office meeting: " + escalation);
        }
        AgendaItem item = new AgendaItem();
        item.id = escalation.eventId().toString();
        item.complaintId = escalation.complaintId();
        item.ticketId = escalation.ticketId();
        item.branch = escalation.branch();
        item.reason = escalation.reason();
        item.clock = escalation.clock();
        item.deadline = escalation.deadline();
        item.escalatedAt = escalation.occurredAt();
        item.status = AgendaStatus.OPEN;
        return item;
    }

    /**
     * The meeting decides (again): OPEN or DECIDED → DECIDED, telling {@code OfficeMeetingDecided}. A new decision
     * replaces the current one and is watched for its own deadline.
     *
     * @throws IllegalTransition when the item is DONE
     */
    public Decision decide(String owner, Instant decisionDeadline, String note, String actor, Instant now) {
        if (status == AgendaStatus.DONE) {
            throw new IllegalTransition("office-meeting item", "decide on", status, List.of());
        }
        UUID eventId = UUID.randomUUID();
        decision = new Decision(owner, decisionDeadline, note, actor, now, eventId.toString());
        decisions.add(decision);
        status = AgendaStatus.DECIDED;
        decisionDue = decisionDeadline;
        awaitingDecisionDeadline = null;
        markWaiting(now);
        record(new OfficeMeetingDecided(eventId, now, complaintId, ticketId, id, owner, decisionDeadline, note, actor));
        return decision;
    }

    /**
     * The current decision's deadline passed with the item not DONE: tells {@code OfficeMeetingDecisionOverdue} once
     * per decision, with an id derived from the item and the deadline.
     *
     * @return whether it was overdue now (and the event recorded)
     */
    public boolean raiseOverdue(Instant now) {
        if (status != AgendaStatus.DECIDED || decisionDue == null || decisionDue.isAfter(now)) {
            return false;
        }
        record(new OfficeMeetingDecisionOverdue(EventIds.derived(id, "decision-overdue/" + decisionDue), now,
                complaintId, ticketId, id, decision.owner(), decisionDue));
        decisionDue = null;
        markWaiting(now);
        return true;
    }

    /**
     * A ticket of the complaint was resolved: OPEN or DECIDED → DONE, when the resolution came at or after the
     * escalation (an earlier one is what the escalation was about, not its answer).
     *
     * @return whether the item changed
     */
    public boolean resolved(Instant resolvedAt) {
        return !resolvedAt.isBefore(escalatedAt) && done(resolvedAt, "ticket resolved");
    }

    /**
     * The complaint was closed: OPEN or DECIDED → DONE.
     *
     * @return whether the item changed
     */
    public boolean closed(Instant closedAt) {
        return done(closedAt, "complaint closed");
    }

    private boolean done(Instant at, String because) {
        if (status == AgendaStatus.DONE) {
            return false;
        }
        status = AgendaStatus.DONE;
        doneAt = at;
        doneBecause = because;
        decisionDue = null;
        markWaiting(at);
        return true;
    }

    /** Keeps the waiting marker in step with the state: present exactly while a decision's deadline is watched. */
    private void markWaiting(Instant now) {
        awaitingDecisionDeadline = WaitingMarker.whileWaiting(status == AgendaStatus.DECIDED && decisionDue != null,
                awaitingDecisionDeadline, now);
    }

    /** Settles the item from what the complaint's dossier already tells (a resolution that arrived first). */
    public boolean settleWith(Dossier dossier) {
        return dossier.resolvedOrClosedSince(escalatedAt)
                .map(at -> done(at, dossier.closedAt() != null ? "complaint closed" : "ticket resolved"))
                .orElse(false);
    }

    public String id() {
        return id;
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

    public EscalationReason reason() {
        return reason;
    }

    public ClockKind clock() {
        return clock;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public AgendaStatus status() {
        return status;
    }

    /** The decision in force; null before the meeting decided. */
    public Decision decision() {
        return decision;
    }

    /** Every decision taken on the item, oldest first. */
    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    public Instant decisionDue() {
        return decisionDue;
    }

    /** Since when the decision pass watches the current decision's deadline; null when it does not. */
    public Instant awaitingDecisionDeadline() {
        return awaitingDecisionDeadline;
    }

    public Instant doneAt() {
        return doneAt;
    }

    public String doneBecause() {
        return doneBecause;
    }
}
