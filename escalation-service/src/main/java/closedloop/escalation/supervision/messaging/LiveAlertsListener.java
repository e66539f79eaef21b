package closedloop.escalation.supervision.messaging;

import closedloop.contracts.Topics;
import closedloop.escalation.supervision.AlertDesk;
import closedloop.escalation.supervision.LiveAlerts;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.kafka.InstanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Feeds this instance's {@link LiveAlerts} from every partition of {@value Topics#ESCALATION_SLA}: a consumer group
 * of this instance alone (a random suffix), starting at the end of the topic, so that every instance streams every
 * alert raised while it runs, although each builds the stored alerts of only some partitions. It stores nothing and
 * never dead-letters (the stored-alert listener does that): a record it cannot read is skipped.
 */
@Component
public class LiveAlertsListener extends InstanceListener {

    private static final Logger log = LoggerFactory.getLogger(LiveAlertsListener.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final AlertDesk alerts;
    private final LiveAlerts live;

    public LiveAlertsListener(AlertDesk alerts, LiveAlerts live) {
        super("escalation-service-supervision-live");
        this.alerts = alerts;
        this.live = live;
    }

    @KafkaListener(topics = Topics.ESCALATION_SLA, containerFactory = InstanceListener.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        try {
            CloudEvents.fromRecord(record)
                    .flatMap(event -> alerts.alertFor(event).blockOptional(LOOKUP_TIMEOUT))
                    .ifPresent(live::tell);
        } catch (RuntimeException unreadable) {
            log.debug("Live alerts skip {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.toString());
        }
    }
}
