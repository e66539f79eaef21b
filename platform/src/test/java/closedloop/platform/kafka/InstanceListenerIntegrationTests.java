package closedloop.platform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An instance-wide feed on a real broker, in an application started and stopped as a service instance is: it reads
 * what is published after it started, on every partition, and nothing of it stays on the broker when it stops.
 */
@EmbeddedKafka(kraft = true, partitions = 3, topics = InstanceListenerIntegrationTests.TOPIC)
class InstanceListenerIntegrationTests {

    static final String TOPIC = "platform.instance-feed";
    static final String SERVICE = "feed-test-service";

    private final EmbeddedKafkaBroker broker;
    private KafkaProducer<String, String> producer;
    private Admin admin;

    InstanceListenerIntegrationTests(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        admin.close();
    }

    @Test
    void readsWhatIsPublishedAfterItStartedOnEveryPartition() throws Exception {
        publishToEveryPartition("before");
        try (ConfigurableApplicationContext instance = start(FeedApplication.class)) {
            Feed feed = instance.getBean(Feed.class);
            await().until(feed::isListening);

            publishToEveryPartition("after");

            await().untilAsserted(() -> assertThat(feed.received).containsExactlyInAnyOrder("after-0", "after-1",
                    "after-2"));
        }
    }

    @Test
    void leavesNoConsumerGroupBehindWhenItsInstanceIsReplaced() throws Exception {
        try (ConfigurableApplicationContext first = start(FeedApplication.class)) {
            Feed feed = first.getBean(Feed.class);
            await().until(feed::isListening);
            publishToEveryPartition("first");
            await().until(() -> feed.received.size() == 3);
        }
        try (ConfigurableApplicationContext second = start(FeedApplication.class)) {
            Feed feed = second.getBean(Feed.class);
            await().until(feed::isListening);
            publishToEveryPartition("second");
            await().until(() -> feed.received.size() == 3);

            assertThat(feed.received).containsExactlyInAnyOrder("second-0", "second-1", "second-2");
            assertThat(consumerGroups()).isEmpty();
        }
        assertThat(consumerGroups()).isEmpty();
    }

    @Test
    void refusesAFeedThatNamesAConsumerGroup() throws Exception {
        assertThatThrownBy(() -> start(GroupFeedApplication.class).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no consumer group");
        assertThat(consumerGroups()).isEmpty();
    }

    /** A CloudEvent on each partition, whose complaint id names the round and the partition. */
    private void publishToEveryPartition(String round) throws Exception {
        for (int partition = 0; partition < 3; partition++) {
            TestEvents.publishClosure(producer, TOPIC, partition, round + "-" + partition);
        }
    }

    /** Every consumer group the broker knows: one of the feed's, or the service's own with the feed's offsets. */
    private Collection<String> consumerGroups() throws Exception {
        return admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).toList();
    }

    private ConfigurableApplicationContext start(Class<?> application) {
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run(
                "--spring.application.name=" + SERVICE,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.main.banner-mode=off",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveRepositoriesAutoConfiguration");
    }

    /** A feed as a service declares one, collecting the complaint ids of the events it reads. */
    static class Feed extends InstanceListener {

        final List<String> received;

        Feed(EventReceiver receiver, List<String> received) {
            super("feed-test-service-live", receiver, (event, record) -> Mono.fromRunnable(
                    () -> received.add(event.complaintId())), TOPIC);
            this.received = received;
        }
    }

    /** A feed that asks for a consumer group of its own besides, as feeds did before. */
    static class GroupFeed extends InstanceListener {

        GroupFeed(EventReceiver receiver) {
            super("feed-test-service-grouped", receiver, (event, record) -> Mono.empty(), TOPIC);
        }

        @KafkaListener(topics = TOPIC, containerFactory = InstanceListener.CONTAINER_FACTORY,
                groupId = "feed-test-service-grouped")
        void onInGroup(ConsumerRecord<String, String> record) {
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class FeedApplication {

        @Bean
        Feed feed(EventReceiver receiver) {
            return new Feed(receiver, new CopyOnWriteArrayList<>());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class GroupFeedApplication {

        @Bean
        GroupFeed feed(EventReceiver receiver) {
            return new GroupFeed(receiver);
        }
    }
}
