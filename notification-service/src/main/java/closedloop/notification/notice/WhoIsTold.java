package closedloop.notification.notice;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.ProblemSolved;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketWarned;
import closedloop.notification.NotificationProperties;
import closedloop.notification.contact.Contact;
import closedloop.notification.contact.Contacts;
import closedloop.notification.contact.Reopens;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import closedloop.platform.PhoneNumbers;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is told what about each event this service acts on: one method per event, each naming the purpose, the
 * audience and the template's variables, and handing them to {@link Notices} (which sends one message per cell of the
 * purpose's matrix row). {@code docs/notifications.md} shows the same as a table.
 * <p>
 * Customer messages need the complaint's registration (the customer's phone, remembered in {@link Contacts}): without
 * it they fail, so that the record is retried, holding its partition, until the registration has arrived
 * (docs/architecture.md §9.9); the messages already sent have deterministic ids and are not sent twice. Staff messages name the complaint by its number
 * when the registration was seen and by its id otherwise, so that staff are told anyway.
 */
@Service
@RequiredArgsConstructor
public class WhoIsTold {

    private final Notices notices;
    private final Contacts contacts;
    private final Reopens reopens;
    private final NotificationProperties properties;
    private final Acknowledgements acknowledgements;

    /**
     * A complaint was registered: remembers how to reach its customer, then acknowledges it to them by SMS with its
     * number and the promised reply time (REGISTRATION_ACK), unless their phone was sent an acknowledgement within
     * the per-phone interval: then the acknowledgement is recorded SUPPRESSED, saying so, and not sent.
     */
    public Mono<Void> registered(ComplaintRegistered event) {
        Contact contact = new Contact(event.complaintId(), event.number(), event.customer().name(),
                event.customer().phone());
        Audience customer = Audience.customer(contact.phone());
        Map<String, Object> variables = Map.of("number", contact.number(), "replyWithin", properties.replyWithin());
        return contacts.remember(contact)
                .then(acknowledgements.admit(contact.phone(), event.eventId(), event.complaintId()))
                .flatMap(suppressed -> suppressed
                        .map(because -> notices.suppress(event.eventId(), event.complaintId(),
                                Purpose.REGISTRATION_ACK, customer, variables, because))
                        .orElseGet(() -> notices.send(event.eventId(), event.complaintId(), Purpose.REGISTRATION_ACK,
                                customer, variables)));
    }

    /** A complaint was closed: tells the customer, with the outcome (CLOSURE_NOTICE). */
    public Mono<Void> closed(ComplaintClosed event) {
        return toCustomer(event, Purpose.CLOSURE_NOTICE, "outcome", event.outcome());
    }

    /**
     * A ticket was dispatched to a branch: tells the branch of a new ticket (NEW_TICKET), or, when the customer was
     * unsatisfied, of a reopened one (发回重办, TICKET_REOPENED) with how often the complaint came back, counting the
     * distinct tickets assigned to it for that reason.
     */
    public Mono<Void> assigned(TicketAssigned event) {
        if (event.reason() == AssignmentReason.REOPENED) {
            return reopens.reopenedWith(event.complaintId(), event.ticketId())
                    .flatMap(count -> toStaff(event, event.branch(), Purpose.TICKET_REOPENED, event.ticketId(),
                            "reopenCount", count, "priority", event.priority()));
        }
        return toStaff(event, event.branch(), Purpose.NEW_TICKET, event.ticketId(), "category", event.category(),
                "priority", event.priority(), "branch", event.branch());
    }

    /** A branch resolved a ticket: tells the customer given (RESOLUTION_NOTICE); a callback follows. */
    public Mono<Void> resolved(TicketResolved event, Contact contact) {
        return tell(contact, event, Purpose.RESOLUTION_NOTICE);
    }

    /** An extension (延期) was approved: tells the customer by when their complaint is now resolved. */
    public Mono<Void> extensionApproved(ExtensionApproved event) {
        return toCustomer(event, Purpose.EXTENSION_NOTICE, "deadline", event.deadline());
    }

    /** A promise was kept (承诺兑现): tells the customer, with the evidence's reference (PROMISE_KEPT). */
    public Mono<Void> promiseKept(ObligationFulfilled event) {
        return toCustomer(event, Purpose.PROMISE_KEPT, "reference", event.reference());
    }

    /**
     * The problem (问题单) behind a complaint was solved: tells the complaint's customer, with the resolution
     * (PROBLEM_SOLVED), when the problem's closing asked for it; otherwise nobody.
     */
    public Mono<Void> problemSolved(ProblemSolved event) {
        if (!event.notifyCustomer()) {
            return Mono.empty();
        }
        return toCustomer(event, Purpose.PROBLEM_SOLVED, "resolution", event.resolution());
    }

    /** 75 % of a ticket's limit passed: tells its branch (催办, SLA_WARNING). */
    public Mono<Void> warned(TicketWarned event) {
        return toStaff(event, event.branch(), Purpose.SLA_WARNING, event.ticketId(), "limit", event.clock(),
                "deadline", event.deadline());
    }

    /**
     * A ticket was escalated: level 1 (督办) tells its branch and the supervisors, level 2 (办公会) the supervisors
     * (the matrix's rows of ESCALATION_LEVEL_1 and _2); an escalation without a reason passed its limit.
     */
    public Mono<Void> escalated(TicketEscalated event) {
        Purpose purpose = event.level() >= 2 ? Purpose.ESCALATION_LEVEL_2 : Purpose.ESCALATION_LEVEL_1;
        EscalationReason reason = event.reason() == null ? EscalationReason.LIMIT_PASSED : event.reason();
        return toStaff(event, event.branch(), purpose, event.ticketId(), "branch", event.branch(),
                "limit", event.clock(), "deadline", event.deadline(), "reason", reason);
    }

    /**
     * A message failed for good: tells the supervisors (DELIVERY_FAILED) with its particulars, in the reader's words
     * where this build knows the purpose and channel, a customer's phone masked (the mail leaves the system; the
     * complaint names the customer). An alert that failed itself raises no further alert.
     */
    public Mono<Void> deliveryFailed(MessageFailed event) {
        if (Purpose.DELIVERY_FAILED.name().equals(event.purpose())) {
            return Mono.empty();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("complaintId", event.complaintId());
        variables.put("purpose", known(Purpose.values(), event.purpose()));
        variables.put("channel", known(MessageChannel.values(), event.channel()));
        variables.put("recipient", PhoneNumbers.maskAll(event.recipient()));
        variables.put("attempts", event.attempts());
        variables.put("lastError", PhoneNumbers.maskAll(event.lastError()));
        return notices.send(event.eventId(), event.complaintId(), Purpose.DELIVERY_FAILED, Audience.supervisors(),
                variables);
    }

    /** Every call of a callback failed: texts the customer the survey with its reply code (CALLBACK_SURVEY). */
    public Mono<Void> surveySent(CallbackSurvey survey) {
        return notices.send(survey.surveySentEventId(), survey.complaintId(), Purpose.CALLBACK_SURVEY,
                Audience.customer(survey.phone()),
                Map.of("number", survey.number(), "replyCode", survey.replyCode(), "replyBy", survey.replyBy()));
    }

    /**
     * Tells the customer of the event's complaint, by the phone its registration gave, with the variable
     * {@code number} (the complaint's) and the further names and values given in pairs, none of them null; an error
     * when the registration was not seen (yet).
     */
    private Mono<Void> toCustomer(ClosedLoopEvent event, Purpose purpose, Object... namesAndValues) {
        return contacts.of(event.complaintId()).flatMap(contact -> tell(contact, event, purpose, namesAndValues));
    }

    /** Tells the customer given, with the variable {@code number} and the further names and values given in pairs. */
    private Mono<Void> tell(Contact contact, ClosedLoopEvent event, Purpose purpose, Object... namesAndValues) {
        return notices.send(event.eventId(), event.complaintId(), purpose, Audience.customer(contact.phone()),
                Map.copyOf(variables(contact.number(), namesAndValues)));
    }

    /**
     * Tells the branch (and the supervisors, as the purpose's matrix row says) about a ticket of the event's
     * complaint, with the variables {@code number} (the complaint's number once its registration was seen, its id
     * until then), {@code ticketId} and the further names and values given in pairs; values may be null (an
     * escalation without a limit).
     */
    private Mono<Void> toStaff(ClosedLoopEvent event, String branch, Purpose purpose, String ticketId,
                               Object... namesAndValues) {
        return contacts.find(event.complaintId()).map(Contact::number).defaultIfEmpty(event.complaintId())
                .flatMap(number -> {
                    Map<String, Object> variables = variables(number, namesAndValues);
                    variables.put("ticketId", ticketId);
                    return notices.send(event.eventId(), event.complaintId(), purpose, Audience.branch(branch),
                            variables);
                });
    }

    /** The variable {@code number} and the further names and values given in pairs. */
    private static Map<String, Object> variables(String number, Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("number", number);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    /** The constant of this name, so that it is told in the reader's words; the name itself if this build lacks it. */
    private static Object known(Enum<?>[] constants, String name) {
        return Arrays.stream(constants).filter(constant -> constant.name().equals(name)).findFirst()
                .<Object>map(constant -> constant).orElse(name);
    }
}
