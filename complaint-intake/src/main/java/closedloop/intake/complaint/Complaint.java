package closedloop.intake.complaint;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.Customer;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Priority;
import closedloop.contracts.Promise;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.platform.outbox.OutboxDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A customer's complaint: its number, what it is about, its status in the loop and its timeline of every event any
 * service told about it. Intake decides here whether a callback closes the complaint or reopens it. Every state change
 * records its event in the document's outbox and on the timeline, so that both are saved in the same write.
 */
@Document(Complaint.COLLECTION)
@CompoundIndex(name = "by_phone_newest", def = "{'customer.phone': 1, 'registeredAt': 1, 'number': 1}")
@CompoundIndex(name = "by_status_newest", def = "{'status': 1, 'registeredAt': 1, 'number': 1}")
@CompoundIndex(name = "by_category_newest", def = "{'category': 1, 'registeredAt': 1, 'number': 1}")
@CompoundIndex(name = "by_channel_newest", def = "{'channel': 1, 'registeredAt': 1, 'number': 1}")
@CompoundIndex(name = "by_priority_newest", def = "{'priority': 1, 'registeredAt': 1, 'number': 1}")
@CompoundIndex(name = "by_branch_newest", def = "{'branch': 1, 'status': 1, 'registeredAt': 1, 'number': 1}")
@CompoundIndex(name = "newest", def = "{'registeredAt': 1, 'number': 1}")
public class Complaint extends OutboxDocument {

    public static final String COLLECTION = "complaints";

    /** How intake names itself as the source of the events it records. */
    public static final String SOURCE = "complaint-intake";

    /** How long a customer waits for a reply unless configured otherwise. */
    public static final Duration DEFAULT_REPLY_WITHIN = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(Complaint.class);

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed(unique = true)
    private String number;
    private ComplaintStatus status;
    private Channel channel;
    private Category category;
    private Priority priority;
    private Customer customer;
    private String district;
    private String address;
    private String description;
    private String agent;
    private Instant registeredAt;
    private Instant promisedReplyBy;
    private String priorityReason;
    private boolean repeat;
    private List<String> repeatOf = new ArrayList<>();
    private List<Promise> promises = new ArrayList<>();
    private String branch;
    /** The ticket that holds it now (null before its first assignment, and in documents from before this field). */
    private String ticketId;
    private CallbackOutcome closedOutcome;
    private int reopenCount;
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Complaint() {
        // for the object mapper
    }

    /**
     * Registers a complaint an agent logged, with no earlier complaint to repeat and the default reply time.
     *
     * @see #register(String, String, NewComplaint, List, String, Instant, Duration)
     */
    public static Complaint register(String id, String number, NewComplaint details, String actor, Instant now) {
        return register(id, number, details, List.of(), actor, now, DEFAULT_REPLY_WITHIN);
    }

    /**
     * Registers a complaint an agent logged: it gets its number, the priority derived by {@link PriorityRules} with
     * the reason, whether it repeats earlier complaints, the time by which the customer is promised a reply, and
     * status REGISTERED; records {@link ComplaintRegistered}.
     *
     * @param earlier     the same customer's earlier complaints of the same category within the repeat window,
     *                    newest first; none when it is a first complaint
     * @param actor       the agent who took it (首问负责)
     * @param replyWithin how long after now the customer is promised a reply
     */
    public static Complaint register(String id, String number, NewComplaint details, List<EarlierComplaint> earlier,
                                     String actor, Instant now, Duration replyWithin) {
        Complaint complaint = new Complaint();
        complaint.id = id;
        complaint.number = number;
        complaint.status = ComplaintStatus.REGISTERED;
        complaint.channel = details.channel();
        complaint.category = details.category();
        complaint.customer = details.customer();
        complaint.district = details.district();
        complaint.address = details.address();
        complaint.description = details.description();
        complaint.promises = new ArrayList<>(details.promises());
        complaint.agent = actor;
        complaint.registeredAt = now;
        complaint.promisedReplyBy = now.plus(replyWithin);
        complaint.repeat = !earlier.isEmpty();
        complaint.repeatOf = new ArrayList<>(earlier.stream().map(EarlierComplaint::id).toList());
        PriorityRules.Decision decision = PriorityRules.decide(details.channel(),
                earlier.isEmpty() ? null : earlier.get(0).number(), details.customer().vip(),
                details.requestedPriority());
        complaint.priority = decision.priority();
        complaint.priorityReason = decision.reason();
        complaint.recordOwn(new ComplaintRegistered(UUID.randomUUID(), now, id, number, complaint.channel,
                complaint.category, complaint.priority, complaint.customer, complaint.district,
                complaint.description, actor, complaint.address, complaint.priorityReason, complaint.repeat,
                complaint.repeatOf, complaint.promises));
        return complaint;
    }

    /** URGENT for complaints through a consumer association, the media or the regulator; NORMAL otherwise. */
    public static Priority initialPriority(Channel channel) {
        return PriorityRules.forChannel(channel);
    }

    /**
     * Takes in an event another service told about this complaint: puts it on the timeline and makes the status move
     * it calls for. An event already on the timeline changes nothing.
     *
     * @param source the service that told it
     * @param now    when intake learns of it, the time of any decision it causes
     * @return whether the event was new
     */
    public boolean apply(ClosedLoopEvent event, String source, Instant now) {
        requireOwn(event);
        if (hasApplied(event.eventId())) {
            return false;
        }
        if (event instanceof CallbackCompleted callback && awaitsResolution(callback)) {
            throw new ResolutionNotYetApplied(this, callback);
        }
        addToTimeline(event, source);
        if (event instanceof TicketAssigned assigned) {
            assign(assigned);
        } else if (event instanceof TicketResolved resolved) {
            resolve(resolved);
        } else if (event instanceof CallbackCompleted callback) {
            completeCallback(callback, now);
        }
        return true;
    }

    /** Whether the event with this id is on the timeline, i.e. was applied already. */
    public boolean hasApplied(UUID eventId) {
        String wanted = eventId.toString();
        return timeline.stream().anyMatch(entry -> entry.eventId().equals(wanted));
    }

    /**
     * REGISTERED or REOPENED (or ASSIGNED, when re-routed) → ASSIGNED: a branch holds a ticket for it, and that branch
     * is remembered as the one holding the complaint.
     */
    private void assign(TicketAssigned assigned) {
        if (moveTo(ComplaintStatus.ASSIGNED, assigned)) {
            branch = assigned.branch();
            ticketId = assigned.ticketId();
        }
    }

    /**
     * Whether a callback is about the ticket that holds the complaint now, whose resolution has not been applied yet:
     * it was read first from its own topic (docs/architecture.md §9.9, the out-of-order pairs), and waits for it.
     */
    private boolean awaitsResolution(CallbackCompleted callback) {
        return status == ComplaintStatus.ASSIGNED && ticketId != null && ticketId.equals(callback.ticketId());
    }

    /** ASSIGNED → RESOLVED: the branch resolved it; the callback comes next. */
    private void resolve(TicketResolved resolved) {
        moveTo(ComplaintStatus.RESOLVED, resolved);
    }

    /**
     * RESOLVED → CLOSED when the customer was satisfied, basically satisfied or could not be reached, recording
     * {@link ComplaintClosed}; RESOLVED → REOPENED when unsatisfied, one priority up, recording
     * {@link ComplaintReopened}. Both get ids derived from the callback's, so that a replay records the same ids.
     */
    private void completeCallback(CallbackCompleted callback, Instant now) {
        Instant at = now.isBefore(callback.occurredAt()) ? callback.occurredAt() : now;
        if (callback.outcome() == CallbackOutcome.UNSATISFIED) {
            if (moveTo(ComplaintStatus.REOPENED, callback)) {
                reopenCount++;
                priority = priority.raised();
                recordOwn(new ComplaintReopened(EventIds.derived(callback.eventId(), "reopen"), at, id, reopenCount,
                        priority, callback.actor()));
            }
        } else if (moveTo(ComplaintStatus.CLOSED, callback)) {
            closedOutcome = callback.outcome();
            recordOwn(new ComplaintClosed(EventIds.derived(callback.eventId(), "close"), at, id, callback.outcome(),
                    callback.actor()));
        }
    }

    private boolean moveTo(ComplaintStatus target, ClosedLoopEvent cause) {
        if (!status.canMoveTo(target)) {
            log.warn("Complaint {} is {}: {} cannot move it to {}; kept on the timeline only", number, status,
                    EventType.of(cause).id(), target);
            return false;
        }
        status = target;
        return true;
    }

    private void recordOwn(ClosedLoopEvent event) {
        record(event);
        addToTimeline(event, SOURCE);
    }

    /** Keeps the timeline oldest first; events at the same instant stay in the order they came. */
    private void addToTimeline(ClosedLoopEvent event, String source) {
        TimelineEntry entry = new TimelineEntry(event.eventId().toString(), EventType.of(event).id(),
                event.occurredAt(), source, event.summary(), event.actor());
        int position = timeline.size();
        while (position > 0 && timeline.get(position - 1).at().isAfter(entry.at())) {
            position--;
        }
        timeline.add(position, entry);
    }

    private void requireOwn(ClosedLoopEvent event) {
        if (!id.equals(event.complaintId())) {
            throw new IllegalArgumentException("Event " + event.eventId() + " belongs to complaint "
                    + event.complaintId() + ", not " + id);
        }
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public ComplaintStatus status() {
        return status;
    }

    public Channel channel() {
        return channel;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public Customer customer() {
        return customer;
    }

    public String district() {
        return district;
    }

    public String description() {
        return description;
    }

    /** Where the problem is, when the agent noted it; null otherwise. */
    public String address() {
        return address;
    }

    /** The agent who took the complaint (首问负责). */
    public String agent() {
        return agent;
    }

    /** By when the customer was promised a reply. */
    public Instant promisedReplyBy() {
        return promisedReplyBy;
    }

    /** How the priority at registration was derived. */
    public String priorityReason() {
        return priorityReason;
    }

    /** Whether it repeats earlier complaints of the same customer and category. */
    public boolean repeat() {
        return repeat;
    }

    /** The ids of the earlier complaints it repeats, newest first. */
    public List<String> repeatOf() {
        return Collections.unmodifiableList(repeatOf);
    }

    /** What the agent promised the customer. */
    public List<Promise> promises() {
        return Collections.unmodifiableList(promises);
    }

    /** The branch currently holding the complaint, from its latest assignment; null before the first. */
    public String branch() {
        return branch;
    }

    public String ticketId() {
        return ticketId;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    /** How the callback went, once the complaint is closed; null before. */
    public CallbackOutcome closedOutcome() {
        return closedOutcome;
    }

    public int reopenCount() {
        return reopenCount;
    }

    /** Every event of this complaint, oldest first. */
    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }
}
