package closedloop.platform.outbox;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.ComplaintClosed;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance with a stable name restarting after a crash, on a real broker and a real wire-protocol store: it takes
 * back at once the outboxes its dead earlier run had claimed, and leaves those claimed by any other instance to their
 * lease.
 */
@EmbeddedKafka(kraft = true)
class OutboxRelayEarlierRunIntegrationTests {

    private static final String COLLECTION = "complaints";

    private final EmbeddedKafkaBroker broker;
    private MongoServer store;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private DefaultKafkaProducerFactory<String, String> producers;

    OutboxRelayEarlierRunIntegrationTests(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void start() {
        store = new MongoServer(new MemoryBackend());
        InetSocketAddress address = store.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new ReactiveMongoTemplate(client, "relay");
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void stop() {
        producers.destroy();
        client.close();
        store.shutdownNow();
    }

    @Test
    void takesBackAtOnceWhatItsEarlierRunClaimed() {
        String id = storeClaimedBy("complaint-intake");

        Integer relayed = relay("complaint-intake").relayPending().block(Duration.ofSeconds(30));

        assertThat(relayed).isEqualTo(1);
        Document after = mongo.findById(id, Document.class, COLLECTION).block(Duration.ofSeconds(10));
        assertThat(after).doesNotContainKeys("outboxClaim", "outboxSince");
        assertThat(after.getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void leavesAnotherInstancesClaimToItsLease() {
        String id = storeClaimedBy("complaint-intake-2");

        Integer byNamed = relay("complaint-intake").relayPending().block(Duration.ofSeconds(30));
        Integer byUnnamed = relay(null).relayPending().block(Duration.ofSeconds(30));

        assertThat(byNamed).isZero();
        assertThat(byUnnamed).isZero();
        Document after = mongo.findById(id, Document.class, COLLECTION).block(Duration.ofSeconds(10));
        assertThat(after.get("outboxClaim", Document.class)).containsEntry("holder", "complaint-intake-2");
        assertThat(after.getList("outbox", Document.class)).hasSize(1);
    }

    private OutboxRelay relay(String instanceId) {
        return new OutboxRelay(mongo, new KafkaTemplate<>(producers), List.of(new OutboxSource(COLLECTION)),
                "/closedloop/test", Duration.ofHours(1), 10, instanceId, event -> { });
    }

    /** A document with one pending event, claimed for another hour by an earlier run of the named instance. */
    private String storeClaimedBy(String holder) {
        String id = UUID.randomUUID().toString();
        OutgoingEvent event = OutgoingEvent.of(new ComplaintClosed(UUID.randomUUID(), Instant.now(), id,
                CallbackOutcome.SATISFIED, "agent-017"));
        Document stored = new Document();
        mongo.getConverter().write(event, stored);
        stored.remove("_class");
        Document claim = new Document("token", UUID.randomUUID().toString())
                .append("until", Date.from(Instant.now().plus(Duration.ofHours(1))))
                .append("holder", holder).append("run", UUID.randomUUID().toString());
        mongo.insert(new Document("_id", id).append("outbox", List.of(stored)).append("outboxSince", new Date())
                .append("outboxClaim", claim), COLLECTION).block(Duration.ofSeconds(10));
        return id;
    }
}
