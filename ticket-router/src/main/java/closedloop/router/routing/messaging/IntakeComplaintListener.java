package closedloop.router.routing.messaging;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.Topics;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import closedloop.router.routing.TicketService;
import org.springframework.stereotype.Component;

/**
 * Opens tickets for the complaint events on {@value Topics#INTAKE_COMPLAINT}: a registered complaint is routed to
 * its branch, a reopened one goes back to the branch that held it. Other events are not the router's business.
 * The offset is committed only after the ticket was stored.
 */
@Component
public class IntakeComplaintListener extends TopicListener {

    public IntakeComplaintListener(EventReceiver receiver, TicketService tickets) {
        super(receiver, EventHandlers.of(ComplaintRegistered.class, tickets::route)
                .and(ComplaintReopened.class, tickets::reopen), Topics.INTAKE_COMPLAINT);
    }
}
