package closedloop.platform.kafka;

import closedloop.contracts.ClosedLoopEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

/** What a listener does with one event; the record is at hand for the few that need its partition, topic or source. */
@FunctionalInterface
public interface EventHandler {

    /** Applies the event read from the record; completes when its writes are acknowledged. */
    Mono<?> handle(ClosedLoopEvent event, ConsumerRecord<String, String> record);
}
