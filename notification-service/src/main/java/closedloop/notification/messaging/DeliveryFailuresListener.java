package closedloop.notification.messaging;

import closedloop.contracts.MessageFailed;
import closedloop.contracts.Topics;
import closedloop.notification.message.delivery.FailureAlerts;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Listens to this service's own topic for messages that failed for good and alerts the supervisors of each; the
 * offset is committed only after the alerts were recorded, so an alert survives a crash right after the failure.
 */
@Component
public class DeliveryFailuresListener {

    private final FailureAlerts alerts;

    public DeliveryFailuresListener(FailureAlerts alerts) {
        this.alerts = alerts;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_CONTACT)
    public void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record)
                .filter(MessageFailed.class::isInstance)
                .map(MessageFailed.class::cast)
                .ifPresent(failed -> alerts.raise(failed).block(ComplaintEventsListener.WRITE_TIMEOUT));
    }
}
