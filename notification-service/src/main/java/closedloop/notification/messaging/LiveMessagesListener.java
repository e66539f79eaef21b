package closedloop.notification.messaging;

import closedloop.contracts.MessageSent;
import closedloop.contracts.Topics;
import closedloop.notification.channel.LiveSender;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Messages;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds the staff consoles open on this instance from every partition of {@value Topics#NOTIFICATION_CONTACT}: a
 * consumer group of this instance alone (a random suffix), starting at the end of the topic, so that every instance
 * streams every live message sent while it runs, whichever instance delivered it. It stores nothing and never
 * dead-letters: a record it cannot read is skipped.
 */
@Component
public class LiveMessagesListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(LiveMessagesListener.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final Messages messages;
    private final LiveSender live;
    private final String groupId = "notification-service-live-" + UUID.randomUUID();
    private volatile boolean listening;

    public LiveMessagesListener(Messages messages, LiveSender live) {
        this.messages = messages;
        this.live = live;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_CONTACT, groupId = "#{__listener.groupId}",
            properties = "auto.offset.reset=latest")
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

    /** The positions are known by now: every message sent from here on reaches the consoles. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        listening = true;
    }

    /** This instance's own consumer group. */
    public String getGroupId() {
        return groupId;
    }

    /** Whether the listener has its partitions and reads from a known position. */
    public boolean isListening() {
        return listening;
    }
}
