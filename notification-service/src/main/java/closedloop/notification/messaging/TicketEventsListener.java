package closedloop.notification.messaging;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.Topics;
import closedloop.notification.callback.CallbackService;
import closedloop.notification.contact.Contacts;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageTexts;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Purpose;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Listens to the tickets: when a branch resolved one, tells the customer and opens the callback task. A resolution
 * for a complaint whose registration was not seen is retried and then dead-lettered.
 */
@Component
public class TicketEventsListener {

    private final Contacts contacts;
    private final Messenger messenger;
    private final CallbackService callbacks;

    public TicketEventsListener(Contacts contacts, Messenger messenger, CallbackService callbacks) {
        this.contacts = contacts;
        this.messenger = messenger;
        this.callbacks = callbacks;
    }

    @KafkaListener(topics = Topics.ROUTER_TICKET)
    public void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresent(event -> apply(event).block(ComplaintEventsListener.WRITE_TIMEOUT));
    }

    /** Applies one event; events this service does not act on complete at once. */
    Mono<Void> apply(ClosedLoopEvent event) {
        if (event instanceof TicketResolved resolved) {
            return resolved(resolved);
        }
        return Mono.empty();
    }

    private Mono<Void> resolved(TicketResolved event) {
        return contacts.of(event.complaintId())
                .flatMap(contact -> messenger.send(new Outgoing(event.eventId(), event.complaintId(),
                                Purpose.RESOLUTION_NOTICE, RecipientKind.CUSTOMER, MessageChannel.SMS, contact.phone(),
                                null, MessageTexts.resolutionNotice(contact.number())))
                        .then(callbacks.open(event, contact)));
    }
}
