package closedloop.escalation.supervision.messaging;

import closedloop.contracts.Topics;
import closedloop.escalation.supervision.LiveAlerts;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.InstanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands every event of {@value Topics#ESCALATION_SLA} to this instance's {@link LiveAlerts}: a consumer group of this
 * instance alone, starting at the end of the topic, so that every instance streams every alert raised while it runs,
 * although each builds the stored alerts of only some partitions. It stores nothing and never dead-letters (the
 * stored-alert listener does that): a record it cannot read is skipped.
 */
@Component
public class LiveAlertsListener extends InstanceListener {

    private static final Logger log = LoggerFactory.getLogger(LiveAlertsListener.class);

    private final EventReceiver receiver;
    private final LiveAlerts live;

    public LiveAlertsListener(EventReceiver receiver, LiveAlerts live) {
        super("escalation-service-supervision-live");
        this.receiver = receiver;
        this.live = live;
    }

    @KafkaListener(topics = Topics.ESCALATION_SLA, containerFactory = InstanceListener.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        try {
            receiver.receive(record, (event, ignored) -> live.tellRaisedBy(event));
        } catch (RuntimeException unreadable) {
            log.debug("Live alerts skip {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.toString());
        }
    }
}
