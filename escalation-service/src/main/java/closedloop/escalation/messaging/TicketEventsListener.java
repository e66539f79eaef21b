package closedloop.escalation.messaging;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.Topics;
import closedloop.escalation.sla.Timekeeper;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Starts a ticket's resolve clock when the router dispatches it and stops it when the branch resolves, returns or
 * hands it on (the next ticket starts a clock of its own). Other ticket events are not about clocks yet. The offset is committed only after the clock write was acknowledged.
 */
@Component
public class TicketEventsListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final Timekeeper timekeeper;

    public TicketEventsListener(Timekeeper timekeeper) {
        this.timekeeper = timekeeper;
    }

    @KafkaListener(topics = Topics.ROUTER_TICKET)
    void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresent(this::apply);
    }

    private void apply(ClosedLoopEvent event) {
        Mono<Boolean> write = Mono.empty();
        if (event instanceof TicketAssigned assigned) {
            write = timekeeper.start(assigned);
        } else if (event instanceof TicketResolved resolved) {
            write = timekeeper.stop(resolved.ticketId(), resolved.occurredAt());
        } else if (event instanceof TicketReturned returned) {
            write = timekeeper.stop(returned.ticketId(), returned.occurredAt());
        } else if (event instanceof TicketTransferred transferred) {
            write = timekeeper.stop(transferred.ticketId(), transferred.occurredAt());
        }
        write.block(WRITE_TIMEOUT);
    }
}
