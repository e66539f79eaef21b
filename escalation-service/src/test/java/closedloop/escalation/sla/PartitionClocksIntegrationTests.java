package closedloop.escalation.sla;

import closedloop.testsupport.FreePorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loading a partition's clocks on a real wire-protocol store that is away when the partition is assigned: the load is
 * tried again until the store is back, the service is not ready meanwhile, and a load that is slower than the
 * listener never puts a later instant on the board than the listener did.
 */
class PartitionClocksIntegrationTests {

    private static final Instant DUE = Instant.parse("2026-12-07T08:00:00Z");

    private final int port = FreePorts.next();
    private MongoServer store;
    private MongoClient client;
    private ClockBoard board;
    private PartitionClocks clocks;
    private ClocksHealthIndicator health;

    @BeforeEach
    void connect() {
        client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300");
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "closedloop-escalation");
        board = new ClockBoard();
        SlaCases cases = new SlaCases(mongo);
        // the firing loop is not under test: only its nudge, which does nothing until the loop sets it
        Timekeeper timekeeper = new Timekeeper(cases, board, null, null, Clock.systemUTC(), null, null);
        clocks = new PartitionClocks(cases, board, timekeeper);
        health = new ClocksHealthIndicator(clocks);
    }

    @AfterEach
    void disconnect() {
        client.close();
        if (store != null) {
            store.shutdownNow();
        }
    }

    @Test
    void triesTheLoadAgainUntilTheStoreIsBackAndIsNotReadyMeanwhile() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        clocks.assigned(List.of(0, 1));

        await().until(() -> health.health().getStatus().equals(Status.OUT_OF_SERVICE));
        assertThat(health.health().getDetails()).containsEntry("loading", Set.of(0, 1));
        assertThat(board.size()).isZero();

        startStoreWith(dueCase(first, 0, DUE), dueCase(second, 1, DUE.plusSeconds(60)),
                dueCase(UUID.randomUUID().toString(), 2, DUE));

        await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));
        assertThat(board.dueAt(first)).isEqualTo(DUE.toEpochMilli());
        assertThat(board.dueAt(second)).isEqualTo(DUE.plusSeconds(60).toEpochMilli());
        assertThat(board.size()).isEqualTo(2);
        assertThat(clocks.loading()).isEmpty();
    }

    @Test
    void stopsTryingForPartitionsRevokedMeanwhileAndIsReadyAgain() {
        clocks.assigned(List.of(2));
        await().until(() -> health.health().getStatus().equals(Status.OUT_OF_SERVICE));

        clocks.revoked(List.of(2));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        startStoreWith(dueCase(UUID.randomUUID().toString(), 2, DUE));
        clocks.assigned(List.of(0));
        await().atMost(Duration.ofSeconds(30)).until(() -> clocks.loading().isEmpty());
        assertThat(board.size()).isZero();
    }

    @Test
    void aLoadSlowerThanTheListenerKeepsTheEarlierInstantTheListenerPutThere() {
        String id = UUID.randomUUID().toString();
        startStoreWith(dueCase(id, 0, DUE.plusSeconds(600)));
        board.own(0);
        // the listener saved a newer state of the case, due sooner, before the load read the stored one
        board.schedule(id, 0, DUE.toEpochMilli());

        clocks.assigned(List.of(0));

        await().until(() -> clocks.loading().isEmpty());
        assertThat(board.dueAt(id)).isEqualTo(DUE.toEpochMilli());
    }

    private void startStoreWith(Document... cases) {
        store = new MongoServer(new MemoryBackend());
        store.bind("127.0.0.1", port);
        // a client of its own: the service's may not have noticed yet that the store is back
        try (MongoClient writer = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Mono.from(writer.getDatabase("closedloop-escalation").getCollection(SlaCase.COLLECTION)
                    .insertMany(List.of(cases))).block(Duration.ofSeconds(10));
        }
    }

    private static Document dueCase(String id, int partition, Instant nextDueAt) {
        return new Document("_id", id).append("partition", partition).append("nextDueAt", Date.from(nextDueAt));
    }
}
