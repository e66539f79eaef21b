package closedloop.notification.notice.messaging;

import closedloop.contracts.MessageFailed;
import closedloop.contracts.Topics;
import closedloop.notification.notice.WhoIsTold;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.springframework.stereotype.Component;

/**
 * Receives this service's own events ({@value Topics#NOTIFICATION_CONTACT}) and hands a message that failed for good
 * to {@link WhoIsTold}, which alerts the supervisors. Acting on the published event, not on the failure's write, keeps
 * an alert from being lost in a crash right after the failure.
 */
@Component
public class NotificationContactListener extends TopicListener {

    public NotificationContactListener(EventReceiver receiver, WhoIsTold whoIsTold) {
        super(receiver, EventHandlers.of(MessageFailed.class, whoIsTold::deliveryFailed), Topics.NOTIFICATION_CONTACT);
    }
}
