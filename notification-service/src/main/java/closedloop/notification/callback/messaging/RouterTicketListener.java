package closedloop.notification.callback.messaging;

import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.Topics;
import closedloop.notification.callback.CallbackService;
import closedloop.notification.notice.WhoIsTold;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.springframework.stereotype.Component;

/**
 * Receives the tickets' events ({@value Topics#ROUTER_TICKET}): hands an assignment to {@link WhoIsTold} (the branch
 * is told), and a resolution first to {@link WhoIsTold} (the customer is told), then to the {@link CallbackService},
 * which opens the callback task. It lives with the callbacks, whose loop the resolution starts; the callbacks depend
 * on the notices, never the other way round.
 */
@Component
public class RouterTicketListener extends TopicListener {

    public RouterTicketListener(EventReceiver receiver, WhoIsTold whoIsTold, CallbackService callbacks) {
        super(receiver, EventHandlers.of(TicketAssigned.class, whoIsTold::assigned)
                .and(TicketResolved.class, resolved -> whoIsTold.resolved(resolved).then(callbacks.open(resolved))),
                Topics.ROUTER_TICKET);
    }
}
