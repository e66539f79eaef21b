package closedloop.platform.kafka;

import closedloop.contracts.EventJson;
import closedloop.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.List;

/**
 * What happens to a record whose handling fails (docs/architecture.md §9.9). A record that can never succeed, one that
 * is not a readable event of its type, goes at its first failure to {@code <topic>.DLT}, on the same partition, with
 * the reason, the consumer group and the original topic, partition, offset and time in Spring Kafka's
 * {@code kafka_dlt-*} headers; its partition goes on. Any other failure is taken for a fault that passes (the store or
 * the broker away, an event that has not arrived yet): the record is retried, from
 * {@code closedloop.kafka.retry-backoff} doubling up to {@code closedloop.kafka.retry-backoff-max}, for as long as
 * it fails, holding its partition so that the order is kept; {@link HeldPartitions} says so. It is never
 * dead-lettered: an outage must not turn good records into dead letters.
 */
public final class DeadLetters {

    /** The counter of records sent to a dead-letter topic, tagged {@code topic} with the {@code .DLT}'s name. */
    public static final String DEAD_LETTERS = "closedloop.dead.letters";

    /** What can never succeed, however often it is tried: the failures dead-lettered at once. */
    private static final List<Class<? extends Exception>> POISON = List.of(EventJson.MalformedEventException.class);

    private DeadLetters() {
    }

    /** Whether a failure, or one of its causes, is one that no retry can cure. */
    static boolean isPoison(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable each = cause;
            if (POISON.stream().anyMatch(poison -> poison.isInstance(each))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error handler, counting what it dead-letters in {@value #DEAD_LETTERS}
     * ({@code closedloop_dead_letters_total}): one series per topic, there from the start at zero, so that an alert
     * sees the first record a DLT receives.
     */
    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template, ClosedLoopKafkaProperties properties,
                                                   MeterRegistry registry, HeldPartitions held) {
        // no limit of attempts or time: a fault that passes is waited out however long it lasts
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(properties.retryBackoff().toMillis(), properties.retryBackoffMax().toMillis()));
        Topics.ALL.forEach(topic -> deadLetters(registry, Topics.deadLetter(topic)));
        // Spring Kafka's default destination is <topic>-dlt; the platform's dead-letter twin is <topic>.DLT
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            publisher.accept(record, exception);
            deadLetters(registry, Topics.deadLetter(record.topic())).increment();
        }, backOff);
        POISON.forEach(handler::addNotRetryableExceptions);
        handler.setRetryListeners(held);
        return handler;
    }

    private static Counter deadLetters(MeterRegistry registry, String deadLetterTopic) {
        return Counter.builder(DEAD_LETTERS).description("Records sent to a dead-letter topic")
                .tag("topic", deadLetterTopic).register(registry);
    }
}
