package closedloop.escalation.supervision.messaging;

import closedloop.contracts.Topics;
import closedloop.escalation.supervision.Supervision;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Builds supervision's views (dossiers, alerts, the agenda) from the events of every topic, in a consumer group of
 * its own ({@value #GROUP}) so that it gets every partition's share next to the SLA engine's listeners, which use the
 * service's default group. One listener for all four topics, one record at a time: the events of one complaint are
 * applied one after the other whatever topic they came from. The offset is committed only after the writes were
 * acknowledged; a record that keeps failing goes to its topic's {@code .DLT}.
 */
@Component
public class SupervisionListener {

    static final String GROUP = "escalation-service-supervision";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final Supervision supervision;

    public SupervisionListener(Supervision supervision) {
        this.supervision = supervision;
    }

    @KafkaListener(groupId = GROUP, topics = {Topics.INTAKE_COMPLAINT, Topics.ROUTER_TICKET, Topics.ESCALATION_SLA,
            Topics.NOTIFICATION_CONTACT})
    void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresent(event -> supervision.apply(event, record.topic()).block(WRITE_TIMEOUT));
    }
}
