package closedloop.escalation.supervision;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EventType;
import closedloop.contracts.HandlerAssigned;
import closedloop.contracts.Priority;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complaint's dossier (卷宗): its whole story as the events of every topic tell it, kept as evidence for supervisors
 * and the office meeting — the timeline, the escalations it reached, whether it repeats earlier complaints and how
 * often it was reopened; who held it and for how long is read from the timeline. Events arrive in any order across
 * topics; each is applied once (its id is kept in the timeline, in the same document write) and the views are sorted
 * by time when read.
 */
@Document(Dossier.COLLECTION)
public class Dossier {

    public static final String COLLECTION = "dossiers";

    private static final String ASSIGNED = EventType.TICKET_ASSIGNED.id();
    private static final Map<String, String> LETTING_GO = Map.of(
            EventType.TICKET_RESOLVED.id(), "RESOLVED",
            EventType.TICKET_RETURNED.id(), "RETURNED",
            EventType.TICKET_TRANSFERRED.id(), "TRANSFERRED");

    @Id
    private String complaintId;
    @Version
    private Long version;
    private String number;
    private Category category;
    private Priority priority;
    private Instant registeredAt;
    private boolean repeat;
    private List<String> repeatOf = new ArrayList<>();
    private int reopenCount;
    private Instant closedAt;
    private CallbackOutcome outcome;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private List<Breach> breaches = new ArrayList<>();
    /** Handlers named per ticket, in the order the events arrived; the latest by time wins when read. */
    private List<HandlerNamed> handlers = new ArrayList<>();

    private Dossier() {
    }

    /** The empty dossier of a complaint nothing is known about yet. */
    public static Dossier of(String complaintId) {
        Dossier dossier = new Dossier();
        dossier.complaintId = complaintId;
        return dossier;
    }

    /**
     * Adds an event to the story: an entry in the timeline and whatever it tells about the complaint.
     *
     * @param topic the topic it came from
     * @return false when the event was recorded before (nothing changed)
     */
    public boolean record(ClosedLoopEvent event, String topic) {
        String eventId = event.eventId().toString();
        if (timeline.stream().anyMatch(entry -> entry.eventId().equals(eventId))) {
            return false;
        }
        TimelineEntry entry = new TimelineEntry(eventId, EventType.of(event).id(), event.occurredAt(), topic,
                event.summary(), event.actor(), component(event, "ticketId"), component(event, "branch"));
        timeline.add(entry);
        Alert.raisedBy(event).map(Breach::of).ifPresent(breaches::add);
        learnFrom(event);
        return true;
    }

    private void learnFrom(ClosedLoopEvent event) {
        if (event instanceof ComplaintRegistered registered) {
            number = registered.number();
            category = registered.category();
            priority = priority == null ? registered.priority() : priority;
            registeredAt = registered.occurredAt();
            repeat = registered.repeat();
            repeatOf = new ArrayList<>(registered.repeatOf());
        } else if (event instanceof ComplaintReopened reopened) {
            reopenCount = Math.max(reopenCount, reopened.reopenCount());
            priority = reopened.priority();
        } else if (event instanceof ComplaintClosed closed) {
            closedAt = closed.occurredAt();
            outcome = closed.outcome();
        } else if (event instanceof HandlerAssigned named) {
            handlers.add(new HandlerNamed(named.ticketId(), named.handler(), named.occurredAt()));
        }
    }

    /** The story oldest first (events that happened at the same instant in the order they arrived). */
    public List<TimelineEntry> timeline() {
        return timeline.stream().sorted(Comparator.comparing(TimelineEntry::at)).toList();
    }

    /** The escalation rungs reached, oldest first. */
    public List<Breach> breaches() {
        return breaches.stream().sorted(Comparator.comparing(Breach::at)).toList();
    }

    /**
     * Every branch that held the complaint, one per ticket in the order they were dispatched, with how long each held
     * it: from its ticket's dispatch to its resolution, return or transfer, or until {@code now} while it holds it.
     */
    public List<Holder> holders(Instant now) {
        Map<String, TimelineEntry> dispatched = new LinkedHashMap<>();
        Map<String, TimelineEntry> letGo = new LinkedHashMap<>();
        for (TimelineEntry entry : timeline()) {
            if (entry.ticketId() == null) {
                continue;
            }
            if (ASSIGNED.equals(entry.type())) {
                dispatched.putIfAbsent(entry.ticketId(), entry);
            } else if (LETTING_GO.containsKey(entry.type())) {
                letGo.putIfAbsent(entry.ticketId(), entry);
            }
        }
        return dispatched.values().stream().map(start -> holder(start, letGo.get(start.ticketId()), now)).toList();
    }

    private Holder holder(TimelineEntry start, TimelineEntry end, Instant now) {
        Instant until = end == null ? null : end.at();
        Instant dwellEnd = until == null ? now : until;
        Duration dwell = dwellEnd.isBefore(start.at()) ? Duration.ZERO : Duration.between(start.at(), dwellEnd);
        return new Holder(start.ticketId(), start.branch(), handlerOf(start.ticketId()), start.at(), until,
                end == null ? null : LETTING_GO.get(end.type()), dwell);
    }

    private String handlerOf(String ticketId) {
        return handlers.stream().filter(named -> ticketId.equals(named.ticketId()))
                .max(Comparator.comparing(HandlerNamed::at))
                .map(HandlerNamed::handler)
                .orElse(null);
    }

    /** A branch named the person handling one of its tickets. */
    record HandlerNamed(String ticketId, String handler, Instant at) {
    }

    /** Whether an alert about this ticket is moot: the ticket was resolved or the complaint closed. */
    public Optional<Instant> settledAt(String ticketId) {
        if (closedAt != null) {
            return Optional.of(closedAt);
        }
        return timeline.stream()
                .filter(entry -> EventType.TICKET_RESOLVED.id().equals(entry.type()))
                .filter(entry -> entry.ticketId() != null && entry.ticketId().equals(ticketId))
                .map(TimelineEntry::at)
                .min(Comparator.naturalOrder());
    }

    /** When the complaint was first resolved (any of its tickets) or closed at or after this instant; empty if not yet. */
    public Optional<Instant> resolvedOrClosedSince(Instant since) {
        if (closedAt != null) {
            return Optional.of(closedAt);
        }
        return timeline.stream()
                .filter(entry -> EventType.TICKET_RESOLVED.id().equals(entry.type()))
                .map(TimelineEntry::at)
                .filter(at -> !at.isBefore(since))
                .min(Comparator.naturalOrder());
    }

    /**
     * A component of the event's record by name, as text; null when the record has none. Every event is a record, so
     * the ticket and branch an event names are found without a case per event type (new types included).
     */
    private static String component(ClosedLoopEvent event, String name) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null) {
            return null;
        }
        for (RecordComponent component : components) {
            if (component.getName().equals(name)) {
                try {
                    Object value = component.getAccessor().invoke(event);
                    return value == null ? null : value.toString();
                } catch (IllegalAccessException | InvocationTargetException e) {
                    return null;
                }
            }
        }
        return null;
    }

    public String complaintId() {
        return complaintId;
    }

    public String number() {
        return number;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public boolean repeat() {
        return repeat;
    }

    /** The earlier complaints this one repeats (same customer, same category, within 30 days). */
    public List<String> repeatOf() {
        return List.copyOf(repeatOf);
    }

    public int reopenCount() {
        return reopenCount;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public CallbackOutcome outcome() {
        return outcome;
    }
}
