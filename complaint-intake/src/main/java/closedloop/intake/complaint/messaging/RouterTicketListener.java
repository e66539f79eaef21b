package closedloop.intake.complaint.messaging;

import closedloop.contracts.Topics;
import closedloop.intake.complaint.ComplaintService;
import closedloop.platform.kafka.EventReceiver;
import org.springframework.stereotype.Component;

/** Puts what {@value Topics#ROUTER_TICKET} tells about a complaint on its timeline ({@link ComplaintListener}). */
@Component
public class RouterTicketListener extends ComplaintListener {

    public RouterTicketListener(EventReceiver receiver, ComplaintService complaints) {
        super(receiver, complaints, Topics.ROUTER_TICKET);
    }
}
