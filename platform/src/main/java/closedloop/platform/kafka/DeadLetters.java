package closedloop.platform.kafka;

import closedloop.contracts.EventJson;
import closedloop.contracts.Topics;
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

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template, ClosedLoopKafkaProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retries());
        // Spring Kafka's default destination is <topic>-dlt; the platform's dead-letter twin is <topic>.DLT
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition())),
                backOff);
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class);
        return handler;
    }
}
