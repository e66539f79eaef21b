package closedloop.router.messaging;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.Topics;
import closedloop.platform.events.CloudEvents;
import closedloop.router.routing.TicketService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Opens tickets for the complaint events on {@value Topics#INTAKE_COMPLAINT}: a registered complaint is routed to
 * its branch, a reopened one goes back to the branch that held it. Other events are not the router's business.
 * The offset is committed only after the ticket was stored.
 */
@Component
public class ComplaintListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final TicketService tickets;

    public ComplaintListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @KafkaListener(topics = Topics.INTAKE_COMPLAINT)
    public void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresent(event -> apply(event).block(WRITE_TIMEOUT));
    }

    private Mono<Void> apply(ClosedLoopEvent event) {
        if (event instanceof ComplaintRegistered registered) {
            return tickets.route(registered);
        }
        if (event instanceof ComplaintReopened reopened) {
            return tickets.reopen(reopened);
        }
        return Mono.empty();
    }
}
