package closedloop.intake;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EventType;
import closedloop.intake.complaint.Complaint;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import closedloop.platform.outbox.OutboxRelay;
import closedloop.testsupport.EmbeddedInfrastructure;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.TestIssuer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The platform's outbox relay in a real service: a saved document is published at once because the service nudges
 * the relay with it (looked up by {@code _id}), while an outbox nobody nudged for waits for the sweep. The sweep runs
 * at start and then only hourly here, so the first part cannot be the sweep's doing.
 */
@EmbeddedInfrastructure
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ComplaintIntakeApplication.NAME, "closedloop.kafka.relay-interval=1h"})
@AutoConfigureWebTestClient(timeout = "30s")
class OutboxRelayEmbeddedIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    OutboxRelay relay;

    KafkaProbe probe;

    @Test
    void publishesASavedDocumentAtOnceAndLeavesItsOutboxEmpty() {
        String id = register();

        ComplaintRegistered registered = probe.awaitEvent(ComplaintRegistered.class,
                event -> event.complaintId().equals(id));

        assertThat(registered.eventId()).isNotNull();
        Document stored = stored(id);
        assertThat(stored.getList("outbox", Object.class)).isEmpty();
        assertThat(stored).doesNotContainKeys("outboxSince", "outboxClaim");
    }

    @Test
    void anOutboxNobodyNudgedForWaitsForTheSweep() throws Exception {
        String first = register();
        ComplaintRegistered registered = probe.awaitEvent(ComplaintRegistered.class,
                event -> event.complaintId().equals(first));
        String leftBehind = UUID.randomUUID().toString();
        leaveInOutbox(first, registered, leftBehind);

        String second = register();
        probe.awaitEvent(ComplaintRegistered.class, event -> event.complaintId().equals(second));
        assertThat(probe.events(ComplaintRegistered.class))
                .noneMatch(event -> event.eventId().toString().equals(leftBehind));

        relay.nudge();

        probe.awaitEvent(ComplaintRegistered.class, event -> event.eventId().toString().equals(leftBehind));
        Document drained = stored(first);
        assertThat(drained.getList("outbox", Object.class)).isEmpty();
        assertThat(drained).doesNotContainKeys("outboxSince", "outboxClaim");
    }

    /** Puts a copy of the registration, under a new event id, in the complaint's outbox as a crash would leave it. */
    private void leaveInOutbox(String complaintId, ComplaintRegistered registered, String eventId) throws Exception {
        EventType type = EventType.of(registered);
        OutgoingEvent original = OutgoingEvent.of(registered);
        ObjectNode payload = (ObjectNode) JSON.readTree(original.payload());
        payload.put("eventId", eventId);
        OutgoingEvent copy = new OutgoingEvent(eventId, type.id(), type.topic(), complaintId,
                registered.occurredAt(), JSON.writeValueAsString(payload));
        Document event = new Document();
        mongo.getConverter().write(copy, event);
        event.remove("_class");
        mongo.updateFirst(new Query(where("_id").is(complaintId)),
                        new Update().push("outbox", event).set("outboxSince", registered.occurredAt()),
                        Complaint.COLLECTION)
                .block();
    }

    private String register() {
        String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        return web.post().uri("/api/v1/complaints").headers(TestIssuer.as("agent-017"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "HOTLINE", "category", "BILLING",
                        "customer", Map.of("name", "Wang Fang", "phone", phone),
                        "district", "Lixia", "description", "Charged twice"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(ObjectNode.class).returnResult().getResponseBody()
                .get("id").asText();
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, Complaint.COLLECTION).block();
    }
}
