package closedloop.notification.messaging;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.Topics;
import closedloop.notification.contact.Contacts;
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
 * Listens to the SLA engine: tells the customer by SMS when an extension (延期) moved the time by which their
 * complaint is resolved; tells the branch of a warning (催办); tells the branch and the supervisors of a level 1
 * escalation (督办) and the supervisors of a level 2 one (办公会). An extension for a complaint whose registration was
 * not seen is retried and then dead-lettered; staff are told even then, with the complaint's id instead of its number.
 */
@Component
public class SlaEventsListener {

    private final Contacts contacts;
    private final Notices notices;

    public SlaEventsListener(Contacts contacts, Notices notices) {
        this.contacts = contacts;
        this.notices = notices;
    }

    @KafkaListener(topics = Topics.ESCALATION_SLA)
    public void on(ConsumerRecord<String, String> record) {
        CloudEvents.fromRecord(record).ifPresent(event -> apply(event).block(ComplaintEventsListener.WRITE_TIMEOUT));
    }

    /** Applies one event; events this service does not act on complete at once. */
    Mono<Void> apply(ClosedLoopEvent event) {
        if (event instanceof ExtensionApproved approved) {
            return extensionApproved(approved);
        }
        if (event instanceof TicketWarned warned) {
            return warned(warned);
        }
        if (event instanceof TicketEscalated escalated) {
            return escalated(escalated);
        }
        return Mono.empty();
    }

    private Mono<Void> extensionApproved(ExtensionApproved event) {
        return contacts.of(event.complaintId())
                .flatMap(contact -> notices.send(event.eventId(), event.complaintId(), Purpose.EXTENSION_NOTICE,
                        Audience.customer(contact.phone()),
                        Map.of("number", contact.number(), "deadline", event.deadline())));
    }

    private Mono<Void> warned(TicketWarned event) {
        return ComplaintNames.of(contacts, event.complaintId())
                .flatMap(number -> notices.send(event.eventId(), event.complaintId(), Purpose.SLA_WARNING,
                        Audience.branch(event.branch()),
                        ComplaintNames.variables(number, event.ticketId(), "limit", event.clock(),
                                "deadline", event.deadline())));
    }

    private Mono<Void> escalated(TicketEscalated event) {
        Purpose purpose = event.level() >= 2 ? Purpose.ESCALATION_LEVEL_2 : Purpose.ESCALATION_LEVEL_1;
        EscalationReason reason = event.reason() == null ? EscalationReason.LIMIT_PASSED : event.reason();
        return ComplaintNames.of(contacts, event.complaintId())
                .flatMap(number -> notices.send(event.eventId(), event.complaintId(), purpose,
                        Audience.branch(event.branch()),
                        ComplaintNames.variables(number, event.ticketId(), "branch", event.branch(),
                                "limit", event.clock(), "deadline", event.deadline(), "reason", reason)));
    }
}
