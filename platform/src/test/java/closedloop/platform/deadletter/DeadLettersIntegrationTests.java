package closedloop.platform.deadletter;

import closedloop.contracts.EventJson;
import closedloop.contracts.Topics;
import closedloop.platform.domain.IllegalTransition;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TestEvents;
import closedloop.platform.kafka.TopicListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters operated, on a real broker and a real wire-protocol store, in an application with two consumer groups
 * on one topic: a record one group could not read is listed with where it came from and why, is replayed to that
 * group alone once a fixed build can read it, and a decision about a dead letter is made once, by whom and when.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersIntegrationTests {

    static final String SERVICE = "dead-letter-test-service";
    static final String OTHER_GROUP = SERVICE + "-other";
    static final String TOPIC = Topics.NOTIFICATION_CONTACT;

    private final EmbeddedKafkaBroker broker;
    private MongoServer store;
    private KafkaProducer<String, String> producer;
    private ConfigurableApplicationContext service;
    private Fussy fussy;
    private Lenient lenient;
    private DeadLetterBox box;

    DeadLettersIntegrationTests(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeAll
    void start() {
        store = new MongoServer(new MemoryBackend());
        InetSocketAddress address = store.bind();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
        service = new SpringApplicationBuilder(TwoGroupsApplication.class).web(WebApplicationType.NONE).run(
                "--spring.application.name=" + SERVICE,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/dead-letters",
                "--spring.main.banner-mode=off");
        fussy = service.getBean(Fussy.class);
        lenient = service.getBean(Lenient.class);
        box = service.getBean(DeadLetterBox.class);
    }

    @AfterAll
    void stop() {
        service.close();
        producer.close();
        store.shutdownNow();
    }

    @Test
    void listsWhatOneGroupCouldNotReadAndReplaysItToThatGroupAloneOnceAFixedBuildCanReadIt() throws Exception {
        String complaintId = "unreadable-" + UUID.randomUUID();
        fussy.unreadable.add(complaintId);
        publish(1, complaintId);

        DeadLetter dead = await().until(() -> letterOf(complaintId), letter -> letter != null);
        await().until(() -> lenient.applied.contains(complaintId));
        assertThat(dead.topic()).isEqualTo(TOPIC);
        assertThat(dead.group()).isEqualTo(SERVICE);
        assertThat(dead.partition()).isEqualTo(1);
        assertThat(dead.offset()).isNotNegative();
        assertThat(dead.reason()).isEqualTo("MalformedEventException: this build cannot read " + complaintId);
        assertThat(dead.eventType()).isEqualTo("closedloop.complaint.closed.v1");
        assertThat(dead.state()).isEqualTo(DeadLetterState.OPEN);
        assertThat(dead.id()).isEqualTo(Topics.deadLetter(TOPIC) + "-1-" + dead.id().substring(dead.id().lastIndexOf('-') + 1));
        assertThat(box.list(null, OTHER_GROUP, null).block()).noneMatch(letter -> complaintId.equals(letter.key()));

        fussy.unreadable.remove(complaintId);
        DeadLetter replayed = box.replay(dead.id(), "admin.zhao").block();

        assertThat(replayed.state()).isEqualTo(DeadLetterState.REPLAYED);
        assertThat(replayed.decision().actor()).isEqualTo("admin.zhao");
        assertThat(replayed.decision().at()).isNotNull();
        await().until(() -> fussy.applied.contains(complaintId));
        // a later record on the same partition, so that both groups have read past the replay
        String after = "after-" + UUID.randomUUID();
        publish(1, after);
        await().until(() -> fussy.applied.contains(after) && lenient.applied.contains(after));
        assertThat(fussy.applied).filteredOn(complaintId::equals).hasSize(1);
        assertThat(lenient.applied).filteredOn(complaintId::equals).hasSize(1);
        assertThat(box.find(dead.id()).block().state()).isEqualTo(DeadLetterState.REPLAYED);
        assertThatThrownBy(() -> box.replay(dead.id(), "admin.qian").block()).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void discardsOneWithItsReasonOnceAndReplaysAllTheOpenOnesOfAGroup() throws Exception {
        String discarded = "discarded-" + UUID.randomUUID();
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        fussy.unreadable.addAll(Set.of(discarded, first, second));
        publish(0, discarded);
        publish(2, first);
        publish(2, second);
        await().until(() -> letterOf(discarded) != null && letterOf(first) != null && letterOf(second) != null);

        DeadLetter given = box.discard(letterOf(discarded).id(), "admin.zhao", "a test complaint, never real").block();
        assertThat(given.state()).isEqualTo(DeadLetterState.DISCARDED);
        assertThat(given.decision().reason()).isEqualTo("a test complaint, never real");
        assertThatThrownBy(() -> box.discard(given.id(), "admin.qian", "again").block())
                .isInstanceOf(IllegalTransition.class);

        fussy.unreadable.removeAll(Set.of(discarded, first, second));
        Integer replayed = box.replayAll(TOPIC, SERVICE, "admin.zhao").block();

        assertThat(replayed).isGreaterThanOrEqualTo(2);
        await().until(() -> fussy.applied.containsAll(List.of(first, second)));
        assertThat(fussy.applied).doesNotContain(discarded);
        assertThat(box.list(TOPIC, SERVICE, DeadLetterState.OPEN).block()).isEmpty();
        assertThat(box.list(TOPIC, SERVICE, DeadLetterState.DISCARDED).block()).extracting(DeadLetter::key)
                .contains(discarded);
    }

    @Test
    void answersNotFoundForADeadLetterThatIsNotThere() {
        assertThatThrownBy(() -> box.find(Topics.deadLetter(TOPIC) + "-0-999999").block())
                .isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> box.find("no-such-id").block()).isInstanceOf(ErrorResponseException.class);
    }

    private DeadLetter letterOf(String complaintId) {
        return box.list(TOPIC, SERVICE, null).block(Duration.ofSeconds(30)).stream()
                .filter(letter -> complaintId.equals(letter.key())).findFirst().orElse(null);
    }

    private void publish(int partition, String complaintId) throws Exception {
        TestEvents.publishClosure(producer, TOPIC, partition, complaintId);
    }

    /** The service's main listener: this build cannot read the events of the complaints it is told of. */
    static class Fussy extends TopicListener {

        final List<String> applied;
        final Set<String> unreadable;

        Fussy(EventReceiver receiver, List<String> applied, Set<String> unreadable) {
            super(receiver, (event, record) -> Mono.fromRunnable(() -> {
                if (unreadable.contains(event.complaintId())) {
                    throw new EventJson.MalformedEventException("this build cannot read " + event.complaintId(), null);
                }
                applied.add(event.complaintId());
            }), TOPIC);
            this.applied = applied;
            this.unreadable = unreadable;
        }
    }

    /** A listener of the same service in a group of its own, which reads everything. */
    static class Lenient extends TopicListener {

        final List<String> applied;

        Lenient(EventReceiver receiver, List<String> applied) {
            super(receiver, (event, record) -> Mono.fromRunnable(() -> applied.add(event.complaintId())), TOPIC);
            this.applied = applied;
            readInGroup(OTHER_GROUP);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TwoGroupsApplication {

        @Bean
        Fussy fussy(EventReceiver receiver) {
            return new Fussy(receiver, new CopyOnWriteArrayList<>(), java.util.concurrent.ConcurrentHashMap.newKeySet());
        }

        @Bean
        Lenient lenient(EventReceiver receiver) {
            return new Lenient(receiver, new CopyOnWriteArrayList<>());
        }
    }
}
