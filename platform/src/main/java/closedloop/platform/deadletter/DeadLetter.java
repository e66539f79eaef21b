package closedloop.platform.deadletter;

import java.time.Instant;

/**
 * A record a consumer group of this service could not read, as its dead-letter topic holds it.
 *
 * @param id        {@code <dead-letter topic>-<partition>-<offset>}, where it lies on the dead-letter topic
 * @param topic     the topic it was read from
 * @param group     the consumer group that failed on it
 * @param partition its partition there (the dead-letter topic keeps it)
 * @param offset    its offset there
 * @param failedAt  when it was dead-lettered
 * @param key       its key, the complaint id
 * @param eventType its {@code ce_type} header, when it had one
 * @param reason    the failure: the exception and its message
 * @param state     open, replayed or discarded
 * @param decision  who decided what and when; null while open
 */
public record DeadLetter(String id, String topic, String group, int partition, long offset, Instant failedAt,
                         String key, String eventType, String reason, DeadLetterState state,
                         DeadLetterDecision decision) {
}
