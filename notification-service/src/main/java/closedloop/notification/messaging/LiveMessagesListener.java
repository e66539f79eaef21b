package closedloop.notification.messaging;

import closedloop.contracts.MessageSent;
import closedloop.contracts.Topics;
import closedloop.notification.channel.LiveSender;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Messages;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.kafka.InstanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Feeds the staff consoles open on this instance from every partition of {@value Topics#NOTIFICATION_CONTACT}: a
 * consumer group of this instance alone (a random suffix), starting at the end of the topic, so that every instance
 * streams every live message sent while it runs, whichever instance delivered it. It stores nothing and never
 * dead-letters: a record it cannot read is skipped.
 */
@Component
public class LiveMessagesListener extends InstanceListener {

    private static final Logger log = LoggerFactory.getLogger(LiveMessagesListener.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final Messages messages;
    private final LiveSender live;

    public LiveMessagesListener(Messages messages, LiveSender live) {
        super("notification-service-live");
        this.messages = messages;
        this.live = live;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_CONTACT, containerFactory = InstanceListener.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        try {
            CloudEvents.fromRecord(record)
                    .filter(MessageSent.class::isInstance)
                    .map(MessageSent.class::cast)
                    .filter(sent -> MessageChannel.LIVE.name().equals(sent.channel()))
                    .flatMap(sent -> messages.findById(sent.messageId()).blockOptional(LOOKUP_TIMEOUT))
                    .ifPresent(live::tell);
        } catch (RuntimeException unreadable) {
            log.debug("Live messages skip {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.toString());
        }
    }
}
