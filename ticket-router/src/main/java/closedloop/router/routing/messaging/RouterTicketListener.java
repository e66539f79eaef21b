package closedloop.router.routing.messaging;

import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.Topics;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.router.routing.TicketService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the router's own {@value Topics#ROUTER_TICKET} back to open the ticket that follows a returned or transferred
 * one. This is the second half of passing a complaint on: the first half (the old ticket's transition and its event)
 * is one document write; this one is an insert with an id derived from the event, so redelivery changes nothing.
 * The offset is committed only after the new ticket was stored.
 */
@Component
public class RouterTicketListener {

    private final EventReceiver receiver;
    private final EventHandlers handlers;

    public RouterTicketListener(EventReceiver receiver, TicketService tickets) {
        this.receiver = receiver;
        this.handlers = EventHandlers.of(TicketReturned.class, tickets::reroute)
                .and(TicketTransferred.class, tickets::openTransferred);
    }

    @KafkaListener(topics = Topics.ROUTER_TICKET)
    void on(ConsumerRecord<String, String> record) {
        receiver.receive(record, handlers);
    }
}
