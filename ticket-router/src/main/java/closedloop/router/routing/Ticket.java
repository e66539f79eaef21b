package closedloop.router.routing;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.EventIds;
import closedloop.contracts.ExtensionRequested;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.HandlerAssigned;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.RootCause;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketNoteAdded;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketResumed;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.TicketUnclaimed;
import closedloop.contracts.TicketWaitingOnCustomer;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A ticket (工单): the work one branch does on one complaint. It is opened when a complaint is registered, reopened,
 * returned by another branch or transferred by the dispatch desk, and then runs the branch workflow of
 * {@link TicketStatus} and {@link TicketAction}. Each step is recorded in its history and as an event in its outbox,
 * saved in the same document write.
 * <p>
 * A ticket carries what it knows of its complaint ({@link ComplaintSnapshot}) and the complaint's trail along the chain
 * of its tickets ({@link ComplaintTrail}); the ticket that follows it takes both whole.
 */
@Document(Ticket.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "branch_status_createdAt", def = "{'branch': 1, 'status': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "branch_createdAt", def = "{'branch': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "complaintId_createdAt", def = "{'complaintId': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "complaintId_sequence_createdAt", def = "{'complaintId': 1, 'sequence': 1, 'createdAt': 1}")
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
    private ComplaintSnapshot complaint;
    private String branch;
    private TicketStatus status;
    private AssignmentReason assignmentReason;
    private String resolution;
    private RootCause rootCause;
    private String responsibleParty;
    private String previousTicketId;
    private String nextTicketId;
    /** The place of this ticket in its complaint's chain of tickets, from 1. */
    private int sequence;
    private String handler;
    private List<HandlerSpell> handlers = new ArrayList<>();
    private Instant firstContactAt;
    private ContactMethod firstContactMethod;
    private String waitingReason;
    private ReturnReason returnReason;
    private String returnText;
    /** The complaint's trail before this ticket, and with this ticket's own return or transfer once it was passed on. */
    private ComplaintTrail trail = ComplaintTrail.NONE;
    private Instant createdAt;
    private Instant acceptedAt;
    private Instant resolvedAt;
    /** When the branch stopped holding it: resolved, returned or transferred. */
    private Instant releasedAt;
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
        ticket.complaint = ComplaintSnapshot.of(complaint);
        ticket.branch = branch;
        ticket.sequence = 1;
        ticket.open(now, "assign", ROUTER, AssignmentReason.ROUTED, EventIds.derived(complaint.eventId(), "assign"));
        return ticket;
    }

    /**
     * Opens a new ticket for a reopened complaint (发回重办) at the branch that held its latest ticket, with the
     * priority the reopen gave it: ASSIGNED. Ids derive from the reopen event's id.
     */
    public static Ticket reopen(ComplaintReopened reopened, Ticket previous, Instant now) {
        Ticket ticket = previous.successor(EventIds.derived(reopened.eventId(), "reopen-route").toString(),
                previous.branch);
        ticket.complaint = ticket.complaint.at(reopened.priority());
        ticket.trail = ticket.trail.withoutUnclaimedPasses();
        ticket.open(now, "reopen", reopened.actor(), AssignmentReason.REOPENED,
                EventIds.derived(reopened.eventId(), "reopen-assign"));
        return ticket;
    }

    /**
     * Opens the ticket that follows a returned one (退单) at the branch the routing rule chose, never one that returned
     * the complaint before (the caller excludes them): ASSIGNED. Its id is the returned ticket's
     * {@link #nextTicketId()}, derived from the {@link TicketReturned} event, so opening it twice yields one ticket.
     */
    public static Ticket reroute(TicketReturned returned, Ticket previous, String branch) {
        Ticket ticket = previous.successor(nextTicketIdFor(returned.eventId()), branch);
        ticket.open(returned.occurredAt(), "assign", ROUTER, AssignmentReason.RETURNED,
                EventIds.derived(returned.eventId(), "reroute-assign"));
        return ticket;
    }

    /**
     * Opens the ticket that follows a transferred one at the branch the dispatch desk chose: ASSIGNED. Its id derives
     * from the {@link TicketTransferred} event, so opening it twice yields one ticket.
     */
    public static Ticket transferred(TicketTransferred transferred, Ticket previous) {
        Ticket ticket = previous.successor(nextTicketIdFor(transferred.eventId()), transferred.toBranch());
        ticket.open(transferred.occurredAt(), "assign", transferred.actor(), AssignmentReason.TRANSFERRED,
                EventIds.derived(transferred.eventId(), "reroute-assign"));
        return ticket;
    }

    /** The id of the ticket that follows the one a return or transfer event passed on. */
    public static String nextTicketIdFor(UUID passedOnEventId) {
        return EventIds.derived(passedOnEventId, "reroute").toString();
    }

    /** The next ticket of the chain, at the branch given: it knows the complaint and carries its trail as this one. */
    private Ticket successor(String id, String branch) {
        Ticket ticket = new Ticket();
        ticket.id = id;
        ticket.complaintId = complaintId;
        ticket.complaint = complaint;
        ticket.trail = trail;
        ticket.branch = branch;
        ticket.previousTicketId = this.id;
        ticket.sequence = sequence + 1;
        return ticket;
    }

    private void open(Instant now, String action, String actor, AssignmentReason reason, UUID eventId) {
        status = TicketStatus.ASSIGNED;
        assignmentReason = reason;
        createdAt = now;
        history.add(new HistoryEntry(now, action, actor, status, reason == AssignmentReason.ROUTED ? null : reason.name()));
        record(new TicketAssigned(eventId, now, complaintId, id, branch, complaint.category(), complaint.priority(),
                previousTicketId, reason, complaint.channel(), complaint.registeredAt()));
    }

    /** The branch signs for the ticket (签收): ASSIGNED → ACCEPTED; records {@link TicketAccepted}. */
    public void accept(String actor, Instant now) {
        moveTo(TicketAction.ACCEPT, actor, now, null);
        acceptedAt = now;
        trail = trail.withoutUnclaimedPasses();
        record(new TicketAccepted(UUID.randomUUID(), now, complaintId, id, branch, actor));
    }

    /**
     * The branch names the person handling it: ACCEPTED, IN_PROGRESS or WAITING_ON_CUSTOMER → IN_PROGRESS; records
     * {@link HandlerAssigned} (and {@link TicketResumed} when it was waiting on the customer).
     */
    public void nameHandler(String handler, String actor, Instant now) {
        TicketStatus before = status;
        moveTo(TicketAction.HANDLER, actor, now, handler);
        this.handler = handler;
        handlers.add(new HandlerSpell(handler, now));
        record(new HandlerAssigned(UUID.randomUUID(), now, complaintId, id, branch, handler, actor));
        resumedFrom(before, actor, now);
    }

    /** A progress note, in any open status; the status stays. Records {@link TicketNoteAdded}. */
    public void addNote(String note, String actor, Instant now) {
        moveTo(TicketAction.NOTES, actor, now, note);
        record(new TicketNoteAdded(UUID.randomUUID(), now, complaintId, id, branch, note, actor));
    }

    /**
     * The branch reached the customer for the first time (首次联系): ACCEPTED, IN_PROGRESS or WAITING_ON_CUSTOMER →
     * IN_PROGRESS; records {@link FirstContactRecorded}. A later contact is recorded too, but the first one stays.
     */
    public void recordFirstContact(Instant contactedAt, ContactMethod method, String result, String actor, Instant now) {
        TicketStatus before = status;
        moveTo(TicketAction.FIRST_CONTACT, actor, now, method + " at " + contactedAt + ": " + result);
        if (firstContactAt == null) {
            firstContactAt = contactedAt;
            firstContactMethod = method;
        }
        record(new FirstContactRecorded(UUID.randomUUID(), now, complaintId, id, branch, contactedAt, method, result,
                actor));
        resumedFrom(before, actor, now);
    }

    /** The branch asks for more time (延期), from ACCEPTED or IN_PROGRESS; the status stays. Records {@link ExtensionRequested}. */
    public void requestExtension(String reason, Instant requestedDeadline, String actor, Instant now) {
        moveTo(TicketAction.EXTENSION, actor, now, "until " + requestedDeadline + ": " + reason);
        record(new ExtensionRequested(UUID.randomUUID(), now, complaintId, id, branch, reason, requestedDeadline, actor));
    }

    /** The branch waits on the customer: ACCEPTED or IN_PROGRESS → WAITING_ON_CUSTOMER; records {@link TicketWaitingOnCustomer}. */
    public void waitOnCustomer(String reason, String actor, Instant now) {
        moveTo(TicketAction.WAIT, actor, now, reason);
        waitingReason = reason;
        record(new TicketWaitingOnCustomer(UUID.randomUUID(), now, complaintId, id, branch, reason, actor));
    }

    /** The wait is over: WAITING_ON_CUSTOMER → IN_PROGRESS; records {@link TicketResumed}. */
    public void resume(String actor, Instant now) {
        moveTo(TicketAction.RESUME, actor, now, null);
        waitingReason = null;
        record(new TicketResumed(UUID.randomUUID(), now, complaintId, id, branch, actor));
    }

    private void resumedFrom(TicketStatus before, String actor, Instant now) {
        if (before == TicketStatus.WAITING_ON_CUSTOMER) {
            waitingReason = null;
            record(new TicketResumed(UUID.randomUUID(), now, complaintId, id, branch, actor));
        }
    }

    /**
     * The branch resolves the ticket (办结), saying what it did, why it happened and who is responsible: ACCEPTED or
     * IN_PROGRESS → RESOLVED; records {@link TicketResolved} with all three.
     */
    public void resolve(String resolution, RootCause rootCause, String responsibleParty, String actor, Instant now) {
        moveTo(TicketAction.RESOLVE, actor, now, resolution);
        this.resolution = resolution;
        this.rootCause = rootCause;
        this.responsibleParty = responsibleParty;
        resolvedAt = now;
        releasedAt = now;
        record(new TicketResolved(UUID.randomUUID(), now, complaintId, id, branch, resolution, actor, rootCause,
                responsibleParty));
    }

    /**
     * The branch gives the ticket back (退单) with a reason: ASSIGNED or ACCEPTED → RETURNED; records
     * {@link TicketReturned}, counted against this branch, and {@link TicketUnclaimed} when this is the
     * {@code unclaimedAfter}th pass in a row with nobody signing for it. The next ticket is opened from the event
     * ({@link #reroute}) with the id this ticket names in {@link #nextTicketId()}.
     *
     * @param unclaimedAfter passed on this many times in a row with nobody signing for it, a complaint is unclaimed
     */
    public void giveBack(ReturnReason reason, String text, String actor, Instant now, int unclaimedAfter) {
        moveTo(TicketAction.RETURN, actor, now, reason + (text == null || text.isBlank() ? "" : ": " + text));
        returnReason = reason;
        returnText = text;
        trail = trail.returnedBy(branch, acceptedAt != null);
        UUID eventId = passOn(now);
        record(new TicketReturned(eventId, now, complaintId, id, branch, reason, text, trail.timesPassedOn(), actor));
        reportIfUnclaimed(now, unclaimedAfter);
    }

    /**
     * The dispatch desk sends the ticket to another branch: by {@link TicketAction#DISPATCH} a ticket waiting at the
     * desk, by {@link TicketAction#TRANSFER} any open ticket. This ticket → TRANSFERRED; records
     * {@link TicketTransferred} (and {@link TicketUnclaimed} as for a return). The next ticket is opened from the
     * event ({@link #transferred}).
     *
     * @param unclaimedAfter passed on this many times in a row with nobody signing for it, a complaint is unclaimed
     */
    public void transfer(TicketAction action, String toBranch, String actor, Instant now, int unclaimedAfter) {
        if (action != TicketAction.DISPATCH && action != TicketAction.TRANSFER) {
            throw new IllegalArgumentException(action + " does not transfer a ticket");
        }
        moveTo(action, actor, now, "to " + toBranch);
        trail = trail.passedOn(acceptedAt != null);
        UUID eventId = passOn(now);
        record(new TicketTransferred(eventId, now, complaintId, id, branch, toBranch, trail.timesPassedOn(), actor));
        reportIfUnclaimed(now, unclaimedAfter);
    }

    /** Lets go of the complaint; the id of the event that passes it on names the next ticket. */
    private UUID passOn(Instant now) {
        UUID eventId = UUID.randomUUID();
        nextTicketId = nextTicketIdFor(eventId);
        releasedAt = now;
        return eventId;
    }

    private void reportIfUnclaimed(Instant now, int unclaimedAfter) {
        if (trail.newlyUnclaimed(unclaimedAfter)) {
            trail = trail.reportedUnclaimed();
            record(new TicketUnclaimed(EventIds.derived(complaintId, "unclaimed"), now, complaintId, id, branch,
                    trail.timesPassedOn()));
        }
    }

    private void moveTo(TicketAction action, String actor, Instant now, String detail) {
        if (action == TicketAction.DISPATCH && !atDispatchDesk()) {
            throw new IllegalTicketTransition(status, action, allowedActions());
        }
        TicketStatus next;
        try {
            next = status.after(action);
        } catch (IllegalTicketTransition refused) {
            throw new IllegalTicketTransition(status, action, allowedActions());
        }
        status = next;
        history.add(new HistoryEntry(now, action.label(), actor, status, detail));
    }

    /** Whether the ticket waits at the dispatch desk, the only place it can be dispatched by hand. */
    public boolean atDispatchDesk() {
        return Routing.MANUAL.equals(branch);
    }

    /** The actions this ticket allows now, in the order of the workflow; what a console offers. */
    public List<TicketAction> allowedActions() {
        return status.allowedActions(atDispatchDesk());
    }

    /**
     * Who held the complaint through this ticket: the branch, with nobody named until the first handler, then each
     * handler in turn, up to when the branch let go of it (or {@code now} while it holds it).
     */
    public List<Holder> holders(Instant now) {
        List<Holder> holders = new ArrayList<>();
        Instant from = createdAt;
        String who = null;
        for (HandlerSpell spell : handlers) {
            holders.add(holder(who, from, spell.from(), now));
            who = spell.handler();
            from = spell.from();
        }
        holders.add(holder(who, from, releasedAt, now));
        return holders;
    }

    private Holder holder(String who, Instant from, Instant to, Instant now) {
        Instant end = to == null ? now : to;
        long seconds = Math.max(0, Duration.between(from, end).getSeconds());
        return new Holder(id, branch, who, from, to, seconds);
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return complaintId;
    }

    /** What this ticket knows of its complaint. */
    public ComplaintSnapshot complaint() {
        return complaint;
    }

    public String complaintNumber() {
        return complaint.number();
    }

    public String branch() {
        return branch;
    }

    public Category category() {
        return complaint.category();
    }

    public Priority priority() {
        return complaint.priority();
    }

    public String district() {
        return complaint.district();
    }

    public TicketStatus status() {
        return status;
    }

    public AssignmentReason assignmentReason() {
        return assignmentReason;
    }

    public String resolution() {
        return resolution;
    }

    public RootCause rootCause() {
        return rootCause;
    }

    public String responsibleParty() {
        return responsibleParty;
    }

    public String previousTicketId() {
        return previousTicketId;
    }

    /** The ticket that took the complaint on after this one was returned or transferred; null until then. */
    public String nextTicketId() {
        return nextTicketId;
    }

    public int sequence() {
        return sequence;
    }

    public String handler() {
        return handler;
    }

    public Instant firstContactAt() {
        return firstContactAt;
    }

    public ContactMethod firstContactMethod() {
        return firstContactMethod;
    }

    public String waitingReason() {
        return waitingReason;
    }

    public ReturnReason returnReason() {
        return returnReason;
    }

    public String returnText() {
        return returnText;
    }

    /** The complaint's trail so far: who returned it, how often it was passed on, whether it is unclaimed. */
    public ComplaintTrail trail() {
        return trail;
    }

    /** The branches that returned this complaint so far, one entry per return. */
    public List<String> returnedBy() {
        return trail.returnedBy();
    }

    public int timesPassedOn() {
        return trail.timesPassedOn();
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

    public Instant releasedAt() {
        return releasedAt;
    }

    public List<HistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }
}
