package closedloop.platform.kafka;

import closedloop.platform.events.CloudEvents;
import closedloop.platform.observability.ComplaintIdInLogs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaUtils;

/**
 * The one way a listener receives an event: the record is read as a {@code ClosedLoopEvent} (a type this build does
 * not know is skipped and counted by {@link UnknownEventTypes}, a malformed one is poison for the dead-letter topic, a
 * dead letter replayed for another consumer group is skipped),
 * handed to the listener's handler, and the listener thread waits until the handler's writes are acknowledged, at most
 * {@code closedloop.kafka.write-timeout}. Waiting keeps the partition's order and lets the container commit the offset
 * only after the state is stored.
 */
public class EventReceiver {

    /**
     * The header of a dead letter sent back to its topic for one consumer group (its value): every other group skips
     * the record, having handled it the first time.
     */
    public static final String REPLAY_FOR = "closedloop-replay-for";

    private final ClosedLoopKafkaProperties properties;
    private final UnknownEventTypes unknownTypes;

    public EventReceiver(ClosedLoopKafkaProperties properties, UnknownEventTypes unknownTypes) {
        this.properties = properties;
        this.unknownTypes = unknownTypes;
    }

    /**
     * Reads the record's event and applies the handler to it, returning once its writes are acknowledged. Every line
     * logged meanwhile names the complaint (its id is the record's key), on whichever thread the handler's pipeline
     * runs.
     */
    public void receive(ConsumerRecord<String, String> record, EventHandler handler) {
        if (record.key() == null) {
            apply(record, handler);
            return;
        }
        try (MDC.MDCCloseable complaint = ComplaintIdInLogs.put(record.key())) {
            apply(record, handler);
        }
    }

    private void apply(ConsumerRecord<String, String> record, EventHandler handler) {
        String replayedFor = CloudEvents.header(record.headers(), REPLAY_FOR);
        if (replayedFor != null && !replayedFor.equals(KafkaUtils.getConsumerGroupId())) {
            return;
        }
        CloudEvents.fromRecord(record).ifPresentOrElse(
                event -> handler.handle(event, record).block(properties.writeTimeout()),
                () -> unknownTypes.skipped(record));
    }
}
