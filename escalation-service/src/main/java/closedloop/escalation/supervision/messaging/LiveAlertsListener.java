package closedloop.escalation.supervision.messaging;

import closedloop.contracts.Topics;
import closedloop.escalation.supervision.LiveAlerts;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.InstanceListener;
import org.springframework.stereotype.Component;

/**
 * Hands every event of {@value Topics#ESCALATION_SLA} to this instance's {@link LiveAlerts}: every partition, from the
 * end of the topic and with no consumer group ({@link InstanceListener}), so that every instance streams every alert
 * raised while it runs, although each builds the stored alerts of only some partitions. It stores nothing and never
 * dead-letters (the stored-alert listener does that): a record it cannot read is skipped by the feed's container.
 */
@Component
public class LiveAlertsListener extends InstanceListener {

    public LiveAlertsListener(EventReceiver receiver, LiveAlerts live) {
        super("escalation-service-supervision-live", receiver, (event, record) -> live.tellRaisedBy(event),
                Topics.ESCALATION_SLA);
    }
}
