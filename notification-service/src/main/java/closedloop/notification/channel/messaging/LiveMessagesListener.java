package closedloop.notification.channel.messaging;

import closedloop.contracts.MessageSent;
import closedloop.contracts.Topics;
import closedloop.notification.channel.LiveSender;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.InstanceListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the staff consoles open on this instance from every partition of {@value Topics#NOTIFICATION_CONTACT}, from
 * the end of the topic and with no consumer group ({@link InstanceListener}), so that every instance streams every live
 * message sent while it runs, whichever instance delivered it; it hands each {@code MessageSent} to the
 * {@link LiveSender}. It stores nothing and never dead-letters: a record it cannot read is skipped by the feed's
 * container.
 */
@Component
public class LiveMessagesListener extends InstanceListener {

    public LiveMessagesListener(EventReceiver receiver, LiveSender live) {
        super("notification-service-live", receiver, EventHandlers.of(MessageSent.class, live::delivered),
                Topics.NOTIFICATION_CONTACT);
    }
}
