package closedloop.platform.events;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.data.annotation.PersistenceCreator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the event record as the JSON
 * body, and the complaint id as the key so that one complaint's events stay in order.
 */
public final class CloudEvents {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }

    /** The record that carries an event already written to an outbox. */
    public static ProducerRecord<String, String> toRecord(OutgoingEvent event, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        Headers headers = record.headers();
        put(headers, ID, event.eventId());
        put(headers, TYPE, event.type());
        put(headers, SOURCE, source);
        put(headers, TIME, event.occurredAt().toString());
        put(headers, SPEC_VERSION, "1.0");
        put(headers, CONTENT_TYPE, "application/json");
        return record;
    }

    /** The record that carries this event, for tests and tools that publish directly. */
    public static ProducerRecord<String, String> toRecord(ClosedLoopEvent event, String source) {
        return toRecord(OutgoingEvent.of(event), source);
    }

    /**
     * The event in a consumed record; empty for a type id this build does not know (a newer producer's), which the
     * consumer skips. A record without a type or with a body that does not fit its type is a poison message and
     * throws {@link closedloop.contracts.EventJson.MalformedEventException}.
     */
    public static Optional<ClosedLoopEvent> fromRecord(ConsumerRecord<String, String> record) {
        String typeId = header(record.headers(), TYPE);
        if (typeId == null || record.value() == null) {
            throw new EventJson.MalformedEventException("Record at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + " has no " + TYPE + " header or no body", null);
        }
        return EventType.byId(typeId).map(type -> EventJson.read(type, record.value()));
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An event ready to publish: the CloudEvents attributes, the JSON body and the W3C {@code traceparent} of the
     * request or record that caused it (null when none was traced), which the relay continues when it publishes.
     */
    public record OutgoingEvent(String eventId, String type, String topic, String key, Instant occurredAt,
                                String payload, String traceparent) {

        @PersistenceCreator
        public OutgoingEvent {
        }

        /** An event that continues no trace. */
        public OutgoingEvent(String eventId, String type, String topic, String key, Instant occurredAt, String payload) {
            this(eventId, type, topic, key, occurredAt, payload, null);
        }

        public static OutgoingEvent of(ClosedLoopEvent event) {
            EventType type = EventType.of(event);
            return new OutgoingEvent(event.eventId().toString(), type.id(), type.topic(), event.complaintId(),
                    event.occurredAt(), EventJson.write(event));
        }

        /** The same event, continuing the trace this {@code traceparent} names. */
        public OutgoingEvent tracedFrom(String parent) {
            return new OutgoingEvent(eventId, type, topic, key, occurredAt, payload, parent);
        }
    }
}
