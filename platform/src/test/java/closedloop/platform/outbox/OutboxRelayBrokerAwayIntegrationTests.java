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

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox relay with the broker away, on a real wire-protocol store: a batch it could not publish keeps its events
 * and is released at once, so that the next pass tries it again instead of waiting for the lease to run out.
 */
class OutboxRelayBrokerAwayIntegrationTests {

    private MongoServer store;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private DefaultKafkaProducerFactory<String, String> producers;

    @BeforeEach
    void start() {
        store = new MongoServer(new MemoryBackend());
        InetSocketAddress address = store.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new ReactiveMongoTemplate(client, "relay");
        // a broker address where nothing listens, and a producer that gives up on it quickly
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + unusedPort(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void stop() {
        producers.destroy();
        client.close();
        store.shutdownNow();
    }

    @Test
    void releasesABatchItCouldNotPublishAndKeepsItsEvents() {
        String id = UUID.randomUUID().toString();
        OutgoingEvent event = OutgoingEvent.of(new ComplaintClosed(UUID.randomUUID(), Instant.now(), id,
                CallbackOutcome.SATISFIED, "agent-017"));
        Document stored = new Document();
        mongo.getConverter().write(event, stored);
        stored.remove("_class");
        mongo.insert(new Document("_id", id).append("outbox", List.of(stored)).append("outboxSince", new Date()),
                "complaints").block(Duration.ofSeconds(10));
        OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(producers),
                List.of(new OutboxSource("complaints")), "/closedloop/test", Duration.ofHours(1), 10);

        assertThatThrownBy(() -> relay.relayPending().block(Duration.ofSeconds(30))).isNotNull();

        Document after = mongo.findById(id, Document.class, "complaints").block(Duration.ofSeconds(10));
        assertThat(after).doesNotContainKey("outboxClaim").containsKey("outboxSince");
        assertThat(after.getList("outbox", Document.class)).hasSize(1);
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
