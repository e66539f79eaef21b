package closedloop.escalation;

import closedloop.platform.PeriodicPass;
import closedloop.testsupport.KafkaProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * How a test shows that nothing (more) happens without waiting for a while: it waits until a periodic pass has run a
 * few more times from start to end, so that whatever it would do by the test clock's time it has done, and until the
 * probe has read a topic up to its end, so that whatever was published is in the probe; then it asserts.
 */
public final class Settle {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Settle() {
    }

    /**
     * Waits until the pass has finished {@code more} further passes (a pass running now may have read the time
     * before the test moved the clock; the ones after it have not).
     */
    public static void passes(PeriodicPass pass, int more) {
        long before = pass.completedPasses();
        await().atMost(PATIENCE).until(() -> pass.completedPasses() >= before + more);
    }

    /** Waits until the probe has seen every record the topic holds now, on each of its partitions. */
    public static void readToEnd(KafkaProbe probe, String bootstrapServers, String topic) {
        Map<Integer, Long> ends = endOffsets(bootstrapServers, topic);
        await().atMost(PATIENCE).until(() -> {
            Map<Integer, Long> seen = probe.records(topic).stream().collect(Collectors.toMap(
                    ConsumerRecord::partition, record -> record.offset() + 1, Math::max));
            return ends.entrySet().stream().allMatch(end -> seen.getOrDefault(end.getKey(), 0L) >= end.getValue());
        });
    }

    private static Map<Integer, Long> endOffsets(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().partition(), entry -> entry.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
