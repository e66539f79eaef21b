package closedloop.notification.notice.messaging;

import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.Topics;
import closedloop.notification.notice.WhoIsTold;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives the complaints' events ({@value Topics#INTAKE_COMPLAINT}) and hands a registration and a closure to
 * {@link WhoIsTold}. (A reopened complaint is told to its branch when its new ticket is assigned.)
 */
@Component
public class IntakeComplaintListener {

    private final EventReceiver receiver;
    private final EventHandlers handlers;

    public IntakeComplaintListener(EventReceiver receiver, WhoIsTold whoIsTold) {
        this.receiver = receiver;
        this.handlers = EventHandlers.of(ComplaintRegistered.class, whoIsTold::registered)
                .and(ComplaintClosed.class, whoIsTold::closed);
    }

    @KafkaListener(topics = Topics.INTAKE_COMPLAINT)
    void on(ConsumerRecord<String, String> record) {
        receiver.receive(record, handlers);
    }
}
