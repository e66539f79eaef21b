package closedloop.router.routing.messaging;

import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.Topics;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import closedloop.router.routing.TicketService;
import org.springframework.stereotype.Component;

/**
 * Reads the router's own {@value Topics#ROUTER_TICKET} back to open the ticket that follows a returned or transferred
 * one. This is the second half of passing a complaint on: the first half (the old ticket's transition and its event)
 * is one document write; this one is an insert with an id derived from the event, so redelivery changes nothing.
 * The offset is committed only after the new ticket was stored.
 */
@Component
public class RouterTicketListener extends TopicListener {

    public RouterTicketListener(EventReceiver receiver, TicketService tickets) {
        super(receiver, EventHandlers.of(TicketReturned.class, tickets::reroute)
                .and(TicketTransferred.class, tickets::openTransferred), Topics.ROUTER_TICKET);
    }
}
