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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A customer's complaint: its number, what it is about, its status in the loop and its timeline of every event any
 * service told about it. Intake decides here whether a callback closes the complaint or reopens it. Every state change
 * records its event in the document's outbox and on the timeline, so that both are saved in the same write.
 */
@Document(Complaint.COLLECTION)
@CompoundIndex(name = "repeat_by_phone", def = "{'customer.phone': 1, 'registeredAt': 1}")
@CompoundIndex(name = "by_status", def = "{'status': 1, 'registeredAt': 1}")
public class Complaint extends OutboxDocument {

    public static final String COLLECTION = "complaints";

    /** How intake names itself as the source of the events it records. */
    public static final String SOURCE = "complaint-intake";

    /** Channels that an outside body watches: their complaints start urgent. */
    static final Set<Channel> WATCHED_CHANNELS = EnumSet.of(Channel.CONSUMER_ASSOCIATION, Channel.MEDIA, Channel.REGULATOR);

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
    private String description;
    private Instant registeredAt;
    private CallbackOutcome closedOutcome;
    private int reopenCount;
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Complaint() {
        // for the object mapper
    }

    /**
     * Registers a complaint an agent logged: it gets its number, the priority its channel demands and status
     * REGISTERED, and records {@link ComplaintRegistered}.
     */
    public static Complaint register(String id, String number, NewComplaint details, String actor, Instant now) {
        Complaint complaint = new Complaint();
        complaint.id = id;
        complaint.number = number;
        complaint.status = ComplaintStatus.REGISTERED;
        complaint.channel = details.channel();
        complaint.category = details.category();
        complaint.priority = initialPriority(details.channel());
        complaint.customer = details.customer();
        complaint.district = details.district();
        complaint.description = details.description();
        complaint.registeredAt = now;
        complaint.recordOwn(new ComplaintRegistered(UUID.randomUUID(), now, id, number, complaint.channel,
                complaint.category, complaint.priority, complaint.customer, complaint.district,
                complaint.description, actor));
        return complaint;
    }

    /** URGENT for complaints through a consumer association, the media or the regulator; NORMAL otherwise. */
    public static Priority initialPriority(Channel channel) {
        return WATCHED_CHANNELS.contains(channel) ? Priority.URGENT : Priority.NORMAL;
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

    /** REGISTERED or REOPENED (or ASSIGNED, when re-routed) → ASSIGNED: a branch holds a ticket for it. */
    private void assign(TicketAssigned assigned) {
        moveTo(ComplaintStatus.ASSIGNED, assigned);
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
                event.occurredAt(), source, event.summary());
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
