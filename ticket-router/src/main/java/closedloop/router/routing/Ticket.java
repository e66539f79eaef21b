package closedloop.router.routing;

import closedloop.contracts.Category;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EventIds;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A ticket (工单): the work one branch does on one complaint. It is opened when a complaint is registered or
 * reopened, signed for and resolved by the branch; each step is recorded in its history and as an event in its
 * outbox, saved in the same document write.
 */
@Document(Ticket.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "branch_status_createdAt", def = "{'branch': 1, 'status': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "branch_createdAt", def = "{'branch': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "complaintId_createdAt", def = "{'complaintId': 1, 'createdAt': -1}")
})
public class Ticket extends OutboxDocument {

    public static final String COLLECTION = "tickets";

    /** Who opens tickets: the router itself, by its rule. */
    static final String ROUTER = "ticket-router";

    @Id
    private String id;
    @Version
    private Long version;
    private String complaintId;
    private String complaintNumber;
    private String branch;
    private Category category;
    private Priority priority;
    private String district;
    private TicketStatus status;
    private String resolution;
    private String previousTicketId;
    private Instant createdAt;
    private Instant acceptedAt;
    private Instant resolvedAt;
    private List<HistoryEntry> history = new ArrayList<>();

    private Ticket() {
    }

    /**
     * Opens the first ticket of a newly registered complaint at the branch the routing rule chose: ASSIGNED.
     * Its id and its {@link TicketAssigned} event's id derive from the complaint event's id, so applying the
     * event twice yields the same ticket.
     */
    public static Ticket assign(ComplaintRegistered complaint, String branch, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = EventIds.derived(complaint.eventId(), "route").toString();
        ticket.complaintId = complaint.complaintId();
        ticket.complaintNumber = complaint.number();
        ticket.branch = branch;
        ticket.category = complaint.category();
        ticket.priority = complaint.priority();
        ticket.district = complaint.district();
        ticket.open(now, "assign", ROUTER, EventIds.derived(complaint.eventId(), "assign"));
        return ticket;
    }

    /**
     * Opens a new ticket for a reopened complaint (发回重办) at the branch that held its latest ticket, with the
     * priority the reopen gave it: ASSIGNED. Ids derive from the reopen event's id.
     */
    public static Ticket reopen(ComplaintReopened reopened, Ticket previous, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = EventIds.derived(reopened.eventId(), "reopen-route").toString();
        ticket.complaintId = reopened.complaintId();
        ticket.complaintNumber = previous.complaintNumber;
        ticket.branch = previous.branch;
        ticket.category = previous.category;
        ticket.priority = reopened.priority();
        ticket.district = previous.district;
        ticket.previousTicketId = previous.id;
        ticket.open(now, "reopen", reopened.actor(), EventIds.derived(reopened.eventId(), "reopen-assign"));
        return ticket;
    }

    private void open(Instant now, String action, String actor, UUID eventId) {
        status = TicketStatus.ASSIGNED;
        createdAt = now;
        history.add(new HistoryEntry(now, action, actor, status));
        record(new TicketAssigned(eventId, now, complaintId, id, branch, category, priority, previousTicketId));
    }

    /** The branch signs for the ticket (签收): ASSIGNED → ACCEPTED; records {@link TicketAccepted}. */
    public void accept(String actor, Instant now) {
        moveTo(TicketAction.ACCEPT, actor, now);
        acceptedAt = now;
        record(new TicketAccepted(UUID.randomUUID(), now, complaintId, id, branch, actor));
    }

    /** The branch resolves the ticket (办结), saying what it did: ACCEPTED → RESOLVED; records {@link TicketResolved}. */
    public void resolve(String resolution, String actor, Instant now) {
        moveTo(TicketAction.RESOLVE, actor, now);
        this.resolution = resolution;
        resolvedAt = now;
        record(new TicketResolved(UUID.randomUUID(), now, complaintId, id, branch, resolution, actor));
    }

    private void moveTo(TicketAction action, String actor, Instant now) {
        status = status.after(action);
        history.add(new HistoryEntry(now, action.label(), actor, status));
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return complaintId;
    }

    public String complaintNumber() {
        return complaintNumber;
    }

    public String branch() {
        return branch;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public String district() {
        return district;
    }

    public TicketStatus status() {
        return status;
    }

    public String resolution() {
        return resolution;
    }

    public String previousTicketId() {
        return previousTicketId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }
}
