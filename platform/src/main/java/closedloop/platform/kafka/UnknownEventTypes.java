package closedloop.platform.kafka;

import closedloop.platform.events.CloudEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forward-compatibility rule (docs/architecture.md §9.1): a record whose event type this build does not know is
 * skipped, as a newer producer may publish types an older consumer has no use for. It is not lost from sight: each is
 * counted in {@value #UNKNOWN_EVENTS} ({@code closedloop_events_unknown_total}, tagged {@code topic} and
 * {@code type}) and each type is logged once, at its first record.
 */
public class UnknownEventTypes {

    /** The counter of records skipped because their event type is unknown to this build. */
    public static final String UNKNOWN_EVENTS = "closedloop.events.unknown";

    private static final Logger log = LoggerFactory.getLogger(UnknownEventTypes.class);

    private final MeterRegistry registry;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public UnknownEventTypes(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a skipped record, and logs its type the first time it is seen. */
    void skipped(ConsumerRecord<String, String> record) {
        String type = String.valueOf(CloudEvents.header(record.headers(), CloudEvents.TYPE));
        Counter.builder(UNKNOWN_EVENTS).description("Records skipped because this build does not know their event type")
                .tag("topic", record.topic()).tag("type", type).register(registry).increment();
        if (logged.add(record.topic() + " " + type)) {
            log.warn("Skipping events of type {} on {}, which this build does not know (first at partition {} offset"
                    + " {}); further ones are only counted in {}", type, record.topic(), record.partition(),
                    record.offset(), UNKNOWN_EVENTS);
        }
    }
}
