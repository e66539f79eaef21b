package closedloop.notification.callback.messaging;

import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.Topics;
import closedloop.notification.callback.Resolutions;
import closedloop.notification.notice.WhoIsTold;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.springframework.stereotype.Component;

/**
 * Receives the tickets' events ({@value Topics#ROUTER_TICKET}): hands an assignment to {@link WhoIsTold} (the branch
 * is told), and a resolution to {@link Resolutions} (the customer is told, and the callback task opens). It lives with the callbacks, whose loop the resolution starts; the callbacks depend
 * on the notices, never the other way round.
 */
@Component
public class RouterTicketListener extends TopicListener {

    public RouterTicketListener(EventReceiver receiver, WhoIsTold whoIsTold, Resolutions resolutions) {
        super(receiver, EventHandlers.of(TicketAssigned.class, whoIsTold::assigned)
                .and(TicketResolved.class, resolutions::resolved), Topics.ROUTER_TICKET);
    }
}
