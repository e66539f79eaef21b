package closedloop.escalation.whatif;

import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.TicketEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * What happened to one complaint's tickets, as the topics told it: the ticket events of {@code router.ticket} and the
 * warnings, escalations and extension decisions of {@code escalation.sla}, each once, one document per complaint id.
 * A what-if replays the router's events under a draft policy and compares what it fires with the warnings and
 * escalations recorded here.
 *
 * @param firstDispatchedAt when the complaint's first ticket was dispatched; a what-if window selects by it
 * @param dispatchedDay     the UTC date of {@code firstDispatchedAt} ({@code 2026-11-23}), the key a what-if reads a
 *                          window by, one day at a time, so that no read holds more than a day's histories
 * @param events            each event once, in the order recorded (which may differ across the two topics)
 */
@Document(TicketHistory.COLLECTION)
@CompoundIndex(name = "dispatchedDay_firstDispatchedAt", def = "{'dispatchedDay': 1, 'firstDispatchedAt': 1}")
public record TicketHistory(@Id String complaintId, Instant firstDispatchedAt, String dispatchedDay,
                            List<Recorded> events) {

    public static final String COLLECTION = "ticket_histories";

    public TicketHistory {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The key of the day an instant falls on, as {@code dispatchedDay} holds it. */
    public static String dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** The events as the records they were, oldest first; events of one instant keep the order they were recorded. */
    public List<TicketEvent> inOrder() {
        return events.stream()
                .sorted(Comparator.comparing(Recorded::at))
                .map(Recorded::event)
                .toList();
    }

    /**
     * One event as recorded: its id, type id, when it happened and its JSON body as it was on the topic.
     */
    public record Recorded(String id, String type, Instant at, String json) {

        /** The event, recorded. */
        public static Recorded of(TicketEvent event) {
            return new Recorded(event.eventId().toString(), EventType.of(event).id(), event.occurredAt(),
                    EventJson.write(event));
        }

        /** The event record again. */
        public TicketEvent event() {
            EventType eventType = EventType.byId(type)
                    .orElseThrow(() -> new IllegalStateException("Unknown event type " + type + " in a history"));
            return (TicketEvent) EventJson.read(eventType, json);
        }
    }
}
