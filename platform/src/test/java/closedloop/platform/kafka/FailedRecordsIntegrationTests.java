package closedloop.platform.kafka;

import closedloop.contracts.Topics;
import closedloop.platform.events.CloudEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's handling of a record that fails, on a real broker, in an application started as a service is: a
 * fault that passes is waited out holding the partition and dead-letters nothing; an unreadable record is
 * dead-lettered at its first failure with the reason; an event type this build does not know is counted and logged
 * once.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedRecordsIntegrationTests {

    static final String SERVICE = "failure-test-service";
    static final String TOPIC = Topics.INTAKE_COMPLAINT;
    static final String DEAD_LETTERS = Topics.deadLetter(TOPIC);

    private final EmbeddedKafkaBroker broker;
    private KafkaProducer<String, String> producer;
    private ConfigurableApplicationContext service;
    private Flaky listener;
    private HeldPartitions held;
    private MeterRegistry meters;

    FailedRecordsIntegrationTests(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeAll
    void start() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
        service = new SpringApplicationBuilder(FailingApplication.class).web(WebApplicationType.NONE).run(
                "--spring.application.name=" + SERVICE,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.main.banner-mode=off",
                "--closedloop.kafka.retry-backoff=50ms",
                "--closedloop.kafka.retry-backoff-max=200ms",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveRepositoriesAutoConfiguration");
        listener = service.getBean(Flaky.class);
        held = service.getBean(HeldPartitions.class);
        meters = service.getBean(MeterRegistry.class);
    }

    @AfterAll
    void stop() {
        service.close();
        producer.close();
    }

    @BeforeEach
    void storeIsBack() {
        listener.storeAway.set(false);
    }

    @Test
    void waitsOutAFaultThatPassesHoldingThePartitionAndDeadLettersNothing() throws Exception {
        listener.storeAway.set(true);
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        publish(0, first);
        publish(0, second);

        // more deliveries than any fixed number of retries would allow, and the next record waits behind it
        await().until(() -> held.now().stream().anyMatch(partition -> partition.attempts() >= 8));
        HeldPartitions.HeldPartition holding = held.now().get(0);
        assertThat(holding).extracting(HeldPartitions.HeldPartition::group, HeldPartitions.HeldPartition::topic,
                HeldPartitions.HeldPartition::partition).containsExactly(SERVICE, TOPIC, 0);
        assertThat(holding.reason()).contains("DataAccessResourceFailureException", "store away");
        assertThat(listener.applied).doesNotContain(first, second);
        assertThat(meters.get(HeldPartitions.HELD).gauge().value()).isEqualTo(1.0);
        assertThat(listeners().getDetails().get("held")).asList().hasSize(1);

        listener.storeAway.set(false);

        await().untilAsserted(() -> assertThat(listener.applied).containsSubsequence(first, second));
        assertThat(held.now()).isEmpty();
        assertThat(meters.get(HeldPartitions.HELD).gauge().value()).isZero();
        assertThat(listeners().getDetails().get("held")).asList().isEmpty();
        assertThat(meters.get(HeldPartitions.RETRIES).tag("topic", TOPIC).tag("group", SERVICE).counter().count())
                .isGreaterThanOrEqualTo(8);
        assertThat(deadLetters()).noneMatch(record -> record.key().equals(first) || record.key().equals(second));
    }

    @Test
    void deadLettersAnUnreadableRecordAtItsFirstFailureWithTheReasonAndGoesOn() throws Exception {
        String poisoned = "poisoned-" + UUID.randomUUID();
        String next = "next-" + UUID.randomUUID();
        double retriesBefore = retries();
        producer.send(new ProducerRecord<>(TOPIC, 1, poisoned, "{\"not\":\"an event\"}")).get(10, TimeUnit.SECONDS);
        publish(1, next);

        await().untilAsserted(() -> assertThat(listener.applied).contains(next));
        ConsumerRecord<String, String> dead = await().until(() -> deadLetters().stream()
                .filter(record -> record.key().equals(poisoned)).findFirst().orElse(null), record -> record != null);
        assertThat(dead.partition()).isEqualTo(1);
        assertThat(dead.value()).isEqualTo("{\"not\":\"an event\"}");
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(
                "closedloop.contracts.EventJson$MalformedEventException");
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("Record at " + TOPIC + "-1@")
                .endsWith("has no ce_type header or no body");
        assertThat(header(dead, "kafka_dlt-original-consumer-group")).isEqualTo(SERVICE);
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(retries()).isEqualTo(retriesBefore);
        assertThat(meters.get(DeadLetters.DEAD_LETTERS).tag("topic", DEAD_LETTERS).counter().count()).isEqualTo(1.0);
    }

    @Test
    void countsEventsOfATypeThisBuildDoesNotKnowAndLogsTheTypeOnce(CapturedOutput output) throws Exception {
        String type = "closedloop.future.thing.v" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            ProducerRecord<String, String> future = new ProducerRecord<>(TOPIC, 2, "future-" + i, "{}");
            future.headers().add(CloudEvents.TYPE, type.getBytes(StandardCharsets.UTF_8));
            producer.send(future).get(10, TimeUnit.SECONDS);
        }
        String known = "known-" + UUID.randomUUID();
        publish(2, known);

        await().untilAsserted(() -> assertThat(listener.applied).contains(known));
        assertThat(meters.get(UnknownEventTypes.UNKNOWN_EVENTS).tag("topic", TOPIC).tag("type", type).counter()
                .count()).isEqualTo(3.0);
        assertThat(output.getAll().split("\n")).filteredOn(line -> line.contains("Skipping events of type " + type))
                .hasSize(1);
        assertThat(deadLetters()).noneMatch(record -> record.key().startsWith("future-"));
    }

    private double retries() {
        var counter = meters.find(HeldPartitions.RETRIES).tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private org.springframework.boot.actuate.health.Health listeners() {
        return service.getBean("listenersHealthIndicator", HealthIndicator.class).health();
    }

    private void publish(int partition, String complaintId) throws Exception {
        TestEvents.publishClosure(producer, TOPIC, partition, complaintId);
    }

    /** Every record on the dead-letter twin so far. */
    private List<ConsumerRecord<String, String>> deadLetters() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(DEAD_LETTERS, 0),
                    new TopicPartition(DEAD_LETTERS, 1), new TopicPartition(DEAD_LETTERS, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A listener as a service declares one; its handler fails as a store that is away would, while told to. */
    static class Flaky extends TopicListener {

        final List<String> applied;
        final AtomicBoolean storeAway;

        Flaky(EventReceiver receiver, List<String> applied, AtomicBoolean storeAway) {
            super(receiver, (event, record) -> Mono.fromRunnable(() -> {
                if (storeAway.get()) {
                    throw new DataAccessResourceFailureException("store away");
                }
                applied.add(event.complaintId());
            }), TOPIC);
            this.applied = applied;
            this.storeAway = storeAway;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class FailingApplication {

        @Bean
        Flaky flaky(EventReceiver receiver) {
            return new Flaky(receiver, new CopyOnWriteArrayList<>(), new AtomicBoolean());
        }
    }
}
