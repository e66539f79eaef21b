package closedloop.platform.kafka;

import closedloop.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a service in one consumer group on a real broker: with {@code closedloop.kafka.instance-id} each
 * listener is a static member, so restarting one instance gives it its partitions back and moves none of the other's;
 * without it, the same restart moves the partitions to the other instance and back.
 */
@EmbeddedKafka(kraft = true, partitions = 3)
class StaticMembershipIntegrationTests {

    static final String TOPIC = Topics.ROUTER_TICKET;

    private final EmbeddedKafkaBroker broker;

    StaticMembershipIntegrationTests(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void restartingOneStaticMemberMovesNoneOfTheOthersPartitions() {
        try (ConfigurableApplicationContext first = start("static-group", "instance-a")) {
            Tracking a = first.getBean(Tracking.class);
            await().until(() -> a.owned().size() == 3);
            ConfigurableApplicationContext second = start("static-group", "instance-b");
            Tracking b = second.getBean(Tracking.class);
            await().until(() -> !b.owned().isEmpty() && a.owned().size() + b.owned().size() == 3);
            Set<Integer> ofB = b.owned();
            int movesOfA = a.moves.size();

            second.close();
            ConfigurableApplicationContext again = start("static-group", "instance-b");
            Tracking b2 = again.getBean(Tracking.class);
            await().until(() -> b2.owned().equals(ofB));
            again.close();

            assertThat(a.moves).hasSize(movesOfA);
            assertThat(a.owned()).hasSize(3 - ofB.size());
            assertThat(first.getBean(StaticMembership.class).memberId("Tracking")).isEqualTo("instance-a-Tracking");
        }
    }

    @Test
    void withoutAnInstanceIdARestartMovesTheOthersPartitions() {
        try (ConfigurableApplicationContext first = start("dynamic-group", null)) {
            Tracking a = first.getBean(Tracking.class);
            await().until(() -> a.owned().size() == 3);
            ConfigurableApplicationContext second = start("dynamic-group", null);
            Tracking b = second.getBean(Tracking.class);
            await().until(() -> !b.owned().isEmpty() && a.owned().size() + b.owned().size() == 3);

            second.close();

            await().until(() -> a.owned().size() == 3);
            assertThat(first.getBeanNamesForType(StaticMembership.class)).isEmpty();
        }
    }

    private ConfigurableApplicationContext start(String group, String instanceId) {
        List<String> arguments = new CopyOnWriteArrayList<>(List.of(
                "--spring.application.name=" + group,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.main.banner-mode=off",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveRepositoriesAutoConfiguration"));
        if (instanceId != null) {
            arguments.add("--closedloop.kafka.instance-id=" + instanceId);
        }
        return new SpringApplicationBuilder(TrackingApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    /** A listener that keeps the partitions it owns and every change of them (a rebalance that touched it). */
    static class Tracking extends TopicListener implements ConsumerSeekAware {

        final Set<Integer> owned = new TreeSet<>();
        final List<String> moves = new CopyOnWriteArrayList<>();

        Tracking(EventReceiver receiver) {
            super(receiver, (event, record) -> Mono.empty(), TOPIC);
        }

        synchronized Set<Integer> owned() {
            return new TreeSet<>(owned);
        }

        @Override
        public synchronized void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            if (!assignments.isEmpty()) {
                assignments.keySet().forEach(partition -> owned.add(partition.partition()));
                moves.add("assigned " + assignments.keySet());
            }
        }

        @Override
        public synchronized void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                partitions.forEach(partition -> owned.remove(partition.partition()));
                moves.add("revoked " + partitions);
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TrackingApplication {

        @Bean
        Tracking tracking(EventReceiver receiver) {
            return new Tracking(receiver);
        }
    }
}
