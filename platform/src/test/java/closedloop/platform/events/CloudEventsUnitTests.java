package closedloop.platform.events;

import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.TicketAssigned;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventsUnitTests {

    private final TicketAssigned assigned = (TicketAssigned) Golden.event(EventType.TICKET_ASSIGNED);

    @Test
    void writesTheCloudEventsAttributesAsHeadersAndKeysByComplaint() {
        ProducerRecord<String, String> record = CloudEvents.toRecord(assigned, "/closedloop/ticket-router");

        assertThat(record.topic()).isEqualTo("router.ticket");
        assertThat(record.key()).isEqualTo(assigned.complaintId());
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).isEqualTo(assigned.eventId().toString());
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).isEqualTo("closedloop.ticket.assigned.v1");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).isEqualTo("/closedloop/ticket-router");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TIME)).isEqualTo("2026-11-22T02:30:00Z");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(record.value()).isEqualTo(EventJson.write(assigned));
    }

    @Test
    void readsBackTheEventItWrote() {
        assertThat(CloudEvents.fromRecord(consumed(CloudEvents.toRecord(assigned, "/test")))).contains(assigned);
    }

    @Test
    void skipsATypeThisBuildDoesNotKnow() {
        ProducerRecord<String, String> record = CloudEvents.toRecord(assigned, "/test");
        record.headers().remove(CloudEvents.TYPE);
        record.headers().add(CloudEvents.TYPE, "closedloop.ticket.teleported.v1".getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEvents.fromRecord(consumed(record))).isEqualTo(Optional.empty());
    }

    @Test
    void rejectsARecordWithoutTypeAsPoison() {
        ProducerRecord<String, String> record = CloudEvents.toRecord(assigned, "/test");
        record.headers().remove(CloudEvents.TYPE);

        assertThatThrownBy(() -> CloudEvents.fromRecord(consumed(record)))
                .isInstanceOf(EventJson.MalformedEventException.class).hasMessageContaining("ce_type");
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 42L, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(), sent.value(),
                new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }
}
