package closedloop.notification.messaging;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.Topics;
import closedloop.notification.NotificationProperties;
import closedloop.notification.contact.Contact;
import closedloop.notification.contact.Contacts;
import closedloop.notification.message.Purpose;
import closedloop.notification.notice.Audience;
import closedloop.notification.notice.Notices;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * Listens to the complaints: remembers how to reach the customer of a registered complaint and acknowledges it by
 * SMS with its number and promised reply time, and tells the customer when the complaint is closed. The offset is
 * committed only after the writes were acknowledged. (A reopened complaint is told to its branch when the new ticket
 * is assigned, see {@link TicketEventsListener}.)
 */
@Component
public class ComplaintEventsListener {

    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Contacts contacts;
    private final Notices notices;
    private final NotificationProperties properties;

    public ComplaintEventsListener(Contacts contacts, Notices notices, NotificationProperties properties) {
        this.contacts = contacts;
        this.notices = notices;
        this.properties = properties;
    }

    @KafkaListener(topics = Topics.INTAKE_COMPLAINT)
    public void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresent(event -> apply(event).block(WRITE_TIMEOUT));
    }

    /** Applies one event; events this service does not act on complete at once. */
    Mono<Void> apply(ClosedLoopEvent event) {
        if (event instanceof ComplaintRegistered registered) {
            return registered(registered);
        }
        if (event instanceof ComplaintClosed closed) {
            return closed(closed);
        }
        return Mono.empty();
    }

    private Mono<Void> registered(ComplaintRegistered event) {
        Contact contact = new Contact(event.complaintId(), event.number(), event.customer().name(),
                event.customer().phone());
        return contacts.remember(contact)
                .then(notices.send(event.eventId(), event.complaintId(), Purpose.REGISTRATION_ACK,
                        Audience.customer(contact.phone()),
                        Map.of("number", contact.number(), "replyWithin", properties.replyWithin())));
    }

    private Mono<Void> closed(ComplaintClosed event) {
        return contacts.of(event.complaintId())
                .flatMap(contact -> notices.send(event.eventId(), event.complaintId(), Purpose.CLOSURE_NOTICE,
                        Audience.customer(contact.phone()),
                        Map.of("number", contact.number(), "outcome", event.outcome())));
    }
}
