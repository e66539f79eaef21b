package closedloop.router;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.Topics;
import closedloop.platform.kafka.HeldPartitions;
import closedloop.router.routing.Ticket;
import closedloop.testsupport.CuttableProxy;
import closedloop.testsupport.EmbeddedInfrastructure;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The store away for a minute while complaints flow in: the router's store is behind a proxy whose line is cut. The
 * listener holds its partition and retries the whole time, nothing is dead-lettered, and once the line is mended
 * every complaint gets its ticket.
 */
@EmbeddedInfrastructure
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(classes = TicketRouterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + TicketRouterApplication.NAME)
class StoreAwayIntegrationTests {

    private static final MongoServer STORE = new MongoServer(new MemoryBackend());
    private static final CuttableProxy LINE = CuttableProxy.to(STORE.bind());

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    HeldPartitions held;

    KafkaProbe probe;

    @DynamicPropertySource
    static void storeBehindTheLine(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + LINE.port()
                + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000");
    }

    @AfterAll
    static void stopStore() {
        LINE.close();
        STORE.shutdownNow();
    }

    @Test
    void holdsItsPartitionWhileTheStoreIsAwayForAMinuteAndRoutesEveryComplaintOnceItIsBack() {
        List<ComplaintRegistered> complaints = IntStream.range(0, 6).mapToObj(i -> registered()).toList();
        List<String> ids = complaints.stream().map(ComplaintRegistered::complaintId).toList();
        LINE.cut();

        complaints.forEach(probe::publish);

        await().atMost(Duration.ofSeconds(60)).until(() -> held.now().stream()
                .anyMatch(partition -> partition.topic().equals(Topics.INTAKE_COMPLAINT)));
        // a minute without the store: held, retried, nothing dead-lettered
        await().during(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(90)).until(() ->
                held.now().stream().anyMatch(partition -> partition.topic().equals(Topics.INTAKE_COMPLAINT))
                        && probe.records(Topics.deadLetter(Topics.INTAKE_COMPLAINT)).stream()
                        .noneMatch(record -> ids.contains(record.key())));
        LINE.mend();

        await().atMost(Duration.ofSeconds(90)).until(() -> mongo.count(new Query(where("complaintId").in(ids)),
                Ticket.COLLECTION).block(Duration.ofSeconds(10)) == ids.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> held.now().isEmpty());
        assertThat(probe.records(Topics.deadLetter(Topics.INTAKE_COMPLAINT))).noneMatch(record -> ids.contains(record.key()));
        assertThat(held.now()).isEmpty();
    }

    private static ComplaintRegistered registered() {
        ComplaintRegistered golden = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
        return new ComplaintRegistered(UUID.randomUUID(), golden.occurredAt(), UUID.randomUUID().toString(),
                golden.number(), golden.channel(), golden.category(), Priority.NORMAL, golden.customer(), "Lixia",
                golden.description(), golden.actor());
    }
}
