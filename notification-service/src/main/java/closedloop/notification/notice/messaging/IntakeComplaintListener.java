package closedloop.notification.notice.messaging;

import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.notification.promise.PromisesKept;
import closedloop.contracts.Topics;
import closedloop.notification.notice.WhoIsTold;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.springframework.stereotype.Component;

/**
 * Receives the complaints' events ({@value Topics#INTAKE_COMPLAINT}) and hands a registration and a closure to
 * {@link WhoIsTold}. (A reopened complaint is told to its branch when its new ticket is assigned.)
 */
@Component
public class IntakeComplaintListener extends TopicListener {

    public IntakeComplaintListener(EventReceiver receiver, WhoIsTold whoIsTold, PromisesKept promises) {
        // the promises first: once the customer is acknowledged, a callback knows what they were promised
        super(receiver, EventHandlers.of(ComplaintRegistered.class, registered -> promises.promised(registered)
                        .then(whoIsTold.registered(registered)))
                .and(ComplaintClosed.class, whoIsTold::closed), Topics.INTAKE_COMPLAINT);
    }
}
