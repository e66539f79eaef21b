package closedloop.escalation.supervision.messaging;

import closedloop.contracts.Topics;
import closedloop.escalation.supervision.Supervision;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.springframework.stereotype.Component;

/**
 * Hands the events of every topic, with the topic each came from, to supervision's views (dossiers, alerts, the
 * agenda), in a consumer group of its own ({@value #GROUP}) so that it gets every partition's share next to the SLA
 * engine's listener, which uses the service's default group. One listener for all four topics, one record at a time:
 * the events of one complaint are applied one after the other whatever topic they came from. The offset is committed
 * only after the writes were acknowledged; a record that keeps failing goes to its topic's {@code .DLT}.
 */
@Component
public class SupervisionListener extends TopicListener {

    static final String GROUP = "escalation-service-supervision";

    public SupervisionListener(EventReceiver receiver, Supervision supervision) {
        super(receiver, (event, record) -> supervision.apply(event, record.topic()), Topics.INTAKE_COMPLAINT,
                Topics.ROUTER_TICKET, Topics.ESCALATION_SLA, Topics.NOTIFICATION_CONTACT);
        readInGroup(GROUP);
    }
}
