package closedloop.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions a listener holds on a record whose handling failed and is being retried (docs/architecture.md §9.9):
 * a fault that passes (the store or the broker away, an event that has not arrived yet) holds the record's
 * partition, so that its order is kept, until the record goes through. Told of each failed delivery by the error
 * handler and of each record handled by the container, it says what is held in the gauges {@value #HELD}
 * (how many partitions) and {@value #HELD_LONGEST} (for how long the oldest has been, in seconds), counts the retries
 * in {@value #RETRIES} (tagged {@code topic} and {@code group}) and lists them in the health endpoint's
 * {@code listeners} details. It logs a record's first failure, then every tenth, and its release.
 */
public class HeldPartitions implements RetryListener, RecordInterceptor<Object, Object> {

    /** The gauge of partitions held by a record being retried. */
    public static final String HELD = "closedloop.listener.held.partitions";
    /** The gauge of how long the oldest held partition has been held, in seconds (0 when none). */
    public static final String HELD_LONGEST = "closedloop.listener.held.longest.seconds";
    /** The counter of failed deliveries that will be retried. */
    public static final String RETRIES = "closedloop.listener.retries";

    private static final Logger log = LoggerFactory.getLogger(HeldPartitions.class);

    private final Map<Key, Held> held = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;

    public HeldPartitions(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder(HELD, held, Map::size).description("Partitions held by a record whose handling is being retried")
                .register(registry);
        Gauge.builder(HELD_LONGEST, this, HeldPartitions::longestSeconds)
                .description("How long the oldest held partition has been held").baseUnit("seconds")
                .register(registry);
    }

    /** A failed delivery of a record; one that will be retried holds its partition. */
    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        if (DeadLetters.isPoison(failure)) {
            return;
        }
        Key key = Key.of(record);
        Held now = held.merge(key, new Held(record.offset(), clock.instant(), 1, reason(failure)),
                (before, again) -> before.offset == again.offset
                        ? new Held(before.offset, before.since, before.attempts + 1, again.reason)
                        : again);
        Counter.builder(RETRIES).description("Failed deliveries of records that are retried")
                .tag("topic", key.topic()).tag("group", key.group()).register(registry).increment();
        if (now.attempts == 1 || now.attempts % 10 == 0) {
            log.warn("Holding {}-{} at offset {} for group {} after {} failed deliveries, retrying until it goes"
                    + " through: {}", key.topic(), key.partition(), now.offset, key.group(), now.attempts, now.reason);
        }
    }

    /** A record was handled: its partition, if it was held, goes on. */
    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (held.isEmpty()) {
            return;
        }
        Key key = Key.of(record);
        Held released = held.remove(key);
        if (released != null) {
            log.info("Released {}-{} for group {}: offset {} went through after {} failed deliveries in {}",
                    key.topic(), key.partition(), key.group(), released.offset, released.attempts,
                    Duration.between(released.since, clock.instant()));
        }
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        return record;
    }

    /** A record the error handler gave up on (dead-lettered): its partition goes on. */
    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        held.remove(Key.of(record));
    }

    /** The partitions held now, the oldest first. */
    public List<HeldPartition> now() {
        return held.entrySet().stream()
                .map(entry -> new HeldPartition(entry.getKey().group(), entry.getKey().topic(),
                        entry.getKey().partition(), entry.getValue().offset, entry.getValue().since,
                        entry.getValue().attempts, entry.getValue().reason))
                .sorted(Comparator.comparing(HeldPartition::since))
                .toList();
    }

    private double longestSeconds() {
        return held.values().stream().map(Held::since).min(Comparator.naturalOrder())
                .map(since -> Duration.between(since, clock.instant()).toMillis() / 1000.0).orElse(0.0);
    }

    private static String reason(Exception failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * A partition held by a record of a consumer group.
     *
     * @param attempts failed deliveries so far
     * @param reason   the innermost cause of the last failure
     */
    public record HeldPartition(String group, String topic, int partition, long offset, Instant since, int attempts,
                                String reason) {
    }

    private record Key(String group, String topic, int partition) {

        static Key of(ConsumerRecord<?, ?> record) {
            String group = KafkaUtils.getConsumerGroupId();
            return new Key(group == null ? "none" : group, record.topic(), record.partition());
        }
    }

    private record Held(long offset, Instant since, int attempts, String reason) {
    }
}
