package closedloop.intake.complaint.messaging;

import closedloop.contracts.Topics;
import closedloop.intake.complaint.ComplaintService;
import closedloop.platform.kafka.EventReceiver;
import org.springframework.stereotype.Component;

/** Puts what {@value Topics#NOTIFICATION_CONTACT} tells about a complaint on its timeline ({@link ComplaintListener}). */
@Component
public class NotificationContactListener extends ComplaintListener {

    public NotificationContactListener(EventReceiver receiver, ComplaintService complaints) {
        super(receiver, complaints, Topics.NOTIFICATION_CONTACT);
    }
}
