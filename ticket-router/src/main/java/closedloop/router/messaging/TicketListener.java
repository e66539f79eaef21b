package closedloop.router.messaging;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.Topics;
import closedloop.platform.events.CloudEvents;
import closedloop.router.routing.TicketService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Reads the router's own {@value Topics#ROUTER_TICKET} back to open the ticket that follows a returned or transferred
 * one. This is the second half of passing a complaint on: the first half (the old ticket's transition and its event)
 * is one document write; this one is an insert with an id derived from the event, so redelivery changes nothing.
 * The offset is committed only after the new ticket was stored.
 */
@Component
public class TicketListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final TicketService tickets;

    public TicketListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @KafkaListener(topics = Topics.ROUTER_TICKET)
    public void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresent(event -> apply(event).block(WRITE_TIMEOUT));
    }

    private Mono<Void> apply(ClosedLoopEvent event) {
        if (event instanceof TicketReturned returned) {
            return tickets.reroute(returned);
        }
        if (event instanceof TicketTransferred transferred) {
            return tickets.openTransferred(transferred);
        }
        return Mono.empty();
    }
}
