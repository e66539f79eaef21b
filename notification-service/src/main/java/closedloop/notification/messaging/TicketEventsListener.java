package closedloop.notification.messaging;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.Topics;
import closedloop.notification.callback.CallbackService;
import closedloop.notification.contact.Contacts;
import closedloop.notification.contact.Reopens;
import closedloop.notification.message.Purpose;
import closedloop.notification.notice.Audience;
import closedloop.notification.notice.Notices;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Listens to the tickets: tells a branch of each ticket dispatched to it, as a new ticket or, when the customer was
 * unsatisfied, as a reopened one (发回重办, counting the reopened tickets of the complaint); and when a branch resolved
 * a ticket, tells the customer and opens the callback task. A resolution for a complaint whose registration was not
 * seen is retried and then dead-lettered; a branch is told even then, with the complaint's id instead of its number.
 */
@Component
public class TicketEventsListener {

    private final Contacts contacts;
    private final Reopens reopens;
    private final Notices notices;
    private final CallbackService callbacks;

    public TicketEventsListener(Contacts contacts, Reopens reopens, Notices notices, CallbackService callbacks) {
        this.contacts = contacts;
        this.reopens = reopens;
        this.notices = notices;
        this.callbacks = callbacks;
    }

    @KafkaListener(topics = Topics.ROUTER_TICKET)
    public void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresent(event -> apply(event).block(ComplaintEventsListener.WRITE_TIMEOUT));
    }

    /** Applies one event; events this service does not act on complete at once. */
    Mono<Void> apply(ClosedLoopEvent event) {
        if (event instanceof TicketAssigned assigned) {
            return assigned.reason() == AssignmentReason.REOPENED ? reopened(assigned) : assigned(assigned);
        }
        if (event instanceof TicketResolved resolved) {
            return resolved(resolved);
        }
        return Mono.empty();
    }

    private Mono<Void> assigned(TicketAssigned event) {
        return ComplaintNames.of(contacts, event.complaintId())
                .flatMap(number -> notices.send(event.eventId(), event.complaintId(), Purpose.NEW_TICKET,
                        Audience.branch(event.branch()),
                        ComplaintNames.variables(number, event.ticketId(), "category", event.category(),
                                "priority", event.priority(), "branch", event.branch())));
    }

    private Mono<Void> reopened(TicketAssigned event) {
        return reopens.reopenedWith(event.complaintId(), event.ticketId())
                .zipWith(ComplaintNames.of(contacts, event.complaintId()))
                .flatMap(countAndNumber -> notices.send(event.eventId(), event.complaintId(),
                        Purpose.TICKET_REOPENED, Audience.branch(event.branch()),
                        ComplaintNames.variables(countAndNumber.getT2(), event.ticketId(),
                                "reopenCount", countAndNumber.getT1(), "priority", event.priority())));
    }

    private Mono<Void> resolved(TicketResolved event) {
        return contacts.of(event.complaintId())
                .flatMap(contact -> notices.send(event.eventId(), event.complaintId(), Purpose.RESOLUTION_NOTICE,
                                Audience.customer(contact.phone()), Map.of("number", contact.number()))
                        .then(callbacks.open(event, contact)));
    }
}
