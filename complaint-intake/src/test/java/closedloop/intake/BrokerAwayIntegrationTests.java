package closedloop.intake;

import closedloop.contracts.Topics;
import closedloop.intake.complaint.Complaint;
import closedloop.platform.events.CloudEvents;
import closedloop.testsupport.EmbeddedMongoInitializer;
import closedloop.testsupport.FreePorts;
import closedloop.testsupport.MovableClockConfiguration;
import closedloop.testsupport.SignedInTestClient;
import closedloop.testsupport.TestIssuer;
import closedloop.testsupport.TestIssuerInitializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registration while the broker is away: a real KRaft broker that starts only after the request, on the port the
 * service was told. The request is answered 201 while the event waits in the complaint's outbox, and the event is
 * published, once, when the broker is there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ComplaintIntakeApplication.NAME,
                // the topics are the broker's own here: the service's creation of them fails while it is away
                "spring.kafka.admin.operation-timeout=2s", "spring.kafka.admin.close-timeout=2s"})
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, TestIssuerInitializer.class})
@Import({MovableClockConfiguration.class, SignedInTestClient.class})
@AutoConfigureWebTestClient(timeout = "30s")
class BrokerAwayIntegrationTests {

    private static final int BROKER_PORT = FreePorts.next();
    private static EmbeddedKafkaKraftBroker broker;

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void brokerThatIsAway(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + BROKER_PORT);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void registersWhileTheBrokerIsAwayAndPublishesTheEventOnceItIsBack() {
        String id = register().expectStatus().isCreated()
                .expectBody(ObjectNode.class).returnResult().getResponseBody().get("id").asText();
        Document waiting = stored(id);
        assertThat(waiting.getList("outbox", Document.class)).hasSize(1);
        assertThat(waiting).containsKey("outboxSince");

        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic))).toArray(String[]::new));
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + BROKER_PORT + ",CONTROLLER://localhost:0");
        broker.afterPropertiesSet();

        await().atMost(Duration.ofMinutes(3)).until(() -> !stored(id).containsKey("outboxSince"));
        assertThat(stored(id).getList("outbox", Document.class)).isEmpty();
        assertThat(registrationsOf(id)).hasSize(1);
    }

    private WebTestClient.ResponseSpec register() {
        String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        return web.post().uri("/api/v1/complaints").headers(TestIssuer.as("agent-017"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "HOTLINE", "category", "BILLING",
                        "customer", Map.of("name", "Wang Fang", "phone", phone),
                        "district", "Lixia", "description", "Charged twice"))
                .exchange();
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, Complaint.COLLECTION).block(Duration.ofSeconds(10));
    }

    /** The registrations of the complaint on intake.complaint, read from the start. */
    private List<ConsumerRecord<String, String>> registrationsOf(String id) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, 3)
                    .mapToObj(partition -> new TopicPartition(Topics.INTAKE_COMPLAINT, partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream().filter(record -> id.equals(record.key()))
                    .filter(record -> "closedloop.complaint.registered.v1"
                            .equals(CloudEvents.header(record.headers(), CloudEvents.TYPE)))
                    .toList();
        }
    }
}
