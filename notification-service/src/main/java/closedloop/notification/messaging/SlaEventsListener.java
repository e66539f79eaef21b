package closedloop.notification.messaging;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.Topics;
import closedloop.notification.NotificationProperties;
import closedloop.notification.contact.Contact;
import closedloop.notification.contact.Contacts;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageTexts;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Purpose;
import closedloop.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Listens to the SLA engine: tells the customer by SMS when an extension (延期) moved the time by which their
 * complaint is resolved, and tells the branch, in its inbox, of a warning (催办) and of each escalation. An extension
 * for a complaint whose registration was not seen is retried and then dead-lettered; a branch is told even then, with
 * the complaint's id instead of its number.
 */
@Component
public class SlaEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SlaEventsListener.class);

    private final Contacts contacts;
    private final Messenger messenger;
    private final NotificationProperties properties;

    public SlaEventsListener(Contacts contacts, Messenger messenger, NotificationProperties properties) {
        this.contacts = contacts;
        this.messenger = messenger;
        this.properties = properties;
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
                .flatMap(contact -> messenger.send(new Outgoing(event.eventId(), event.complaintId(),
                        Purpose.EXTENSION_NOTICE, RecipientKind.CUSTOMER, MessageChannel.SMS, contact.phone(), null,
                        MessageTexts.extensionNotice(contact.number(), event.deadline(), properties.zone()))));
    }

    private Mono<Void> warned(TicketWarned event) {
        return complaintNamed(event.complaintId())
                .flatMap(complaint -> tellBranch(event, event.branch(), Purpose.SLA_WARNING,
                        MessageTexts.warning(complaint, event.ticketId(), event.clock(), event.deadline(),
                                properties.zone())));
    }

    private Mono<Void> escalated(TicketEscalated event) {
        return complaintNamed(event.complaintId())
                .flatMap(complaint -> tellBranch(event, event.branch(),
                        event.level() >= 2 ? Purpose.ESCALATION_LEVEL_2 : Purpose.ESCALATION_LEVEL_1,
                        MessageTexts.escalation(complaint, event.ticketId(), event.level(), event.clock(),
                                event.deadline(), event.reason(), properties.zone())));
    }

    private Mono<Void> tellBranch(ClosedLoopEvent event, String branch, Purpose purpose, String text) {
        if (branch == null || branch.isBlank()) {
            log.warn("Not telling any branch of {} {}: it names none", purpose, event.eventId());
            return Mono.empty();
        }
        return messenger.send(new Outgoing(event.eventId(), event.complaintId(), purpose, RecipientKind.BRANCH,
                MessageChannel.LIVE, Message.branchRecipient(branch), null, text));
    }

    /** The complaint's number when its registration was seen; its id otherwise, so that the branch is told anyway. */
    private Mono<String> complaintNamed(String complaintId) {
        return contacts.find(complaintId).map(Contact::number).defaultIfEmpty(complaintId);
    }
}
