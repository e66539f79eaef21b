package closedloop.router.routing.messaging;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.Topics;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.router.routing.TicketService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens tickets for the complaint events on {@value Topics#INTAKE_COMPLAINT}: a registered complaint is routed to
 * its branch, a reopened one goes back to the branch that held it. Other events are not the router's business.
 * The offset is committed only after the ticket was stored.
 */
@Component
public class IntakeComplaintListener {

    private final EventReceiver receiver;
    private final EventHandlers handlers;

    public IntakeComplaintListener(EventReceiver receiver, TicketService tickets) {
        this.receiver = receiver;
        this.handlers = EventHandlers.of(ComplaintRegistered.class, tickets::route)
                .and(ComplaintReopened.class, tickets::reopen);
    }

    @KafkaListener(topics = Topics.INTAKE_COMPLAINT)
    void on(ConsumerRecord<String, String> record) {
        receiver.receive(record, handlers);
    }
}
