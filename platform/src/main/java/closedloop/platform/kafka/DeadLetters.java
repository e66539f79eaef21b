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

/**
 * A failing record is retried a few times with growing pauses, then published to {@code <topic>.DLT} on the same
 * partition, so that a poison message never blocks its partition. A body that does not fit its type is not retried.
 */
public final class DeadLetters {

    /** The counter of records sent to a dead-letter topic, tagged {@code topic} with the {@code .DLT}'s name. */
    public static final String DEAD_LETTERS = "closedloop.dead.letters";

    private DeadLetters() {
    }

    /**
     * The error handler, counting what it dead-letters in {@value #DEAD_LETTERS}
     * ({@code closedloop_dead_letters_total}): one series per topic, there from the start at zero, so that an alert
     * sees the first record a DLT receives.
     */
    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template, ClosedLoopKafkaProperties properties,
                                                   MeterRegistry registry) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retries());
        Topics.ALL.forEach(topic -> deadLetters(registry, Topics.deadLetter(topic)));
        // Spring Kafka's default destination is <topic>-dlt; the platform's dead-letter twin is <topic>.DLT
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            publisher.accept(record, exception);
            deadLetters(registry, Topics.deadLetter(record.topic())).increment();
        }, backOff);
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class);
        return handler;
    }

    private static Counter deadLetters(MeterRegistry registry, String deadLetterTopic) {
        return Counter.builder(DEAD_LETTERS).description("Records sent to a dead-letter topic")
                .tag("topic", deadLetterTopic).register(registry);
    }
}
