package closedloop.notification.notice;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.ProblemSolved;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketWarned;
import closedloop.notification.NotificationProperties;
import closedloop.notification.contact.Contact;
import closedloop.notification.contact.Contacts;
import closedloop.notification.contact.Reopens;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Purpose;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Who is told what, with the notices, the contacts and the reopens replaced. */
class WhoIsToldUnitTests {

    static final NotificationProperties PROPERTIES = new NotificationProperties(Duration.ofHours(24),
            Duration.ofHours(24), ZoneId.of("Asia/Shanghai"));

    final Notices notices = mock(Notices.class);
    final Contacts contacts = mock(Contacts.class);
    final Reopens reopens = mock(Reopens.class);
    final Acknowledgements acknowledgements = mock(Acknowledgements.class);
    final WhoIsTold whoIsTold = new WhoIsTold(notices, contacts, reopens, PROPERTIES, acknowledgements);

    WhoIsToldUnitTests() {
        when(notices.send(any(), any(), any(), any(), any())).thenReturn(Mono.empty());
        when(notices.suppress(any(), any(), any(), any(), any(), any())).thenReturn(Mono.empty());
        when(acknowledgements.admit(any(), any(), any())).thenReturn(Mono.just(Optional.empty()));
        when(contacts.remember(any())).thenAnswer(remember -> Mono.just(remember.getArgument(0)));
        when(contacts.find(any())).thenReturn(Mono.empty());
    }

    @Test
    void remembersHowToReachTheCustomerBeforeAcknowledgingTheRegistration() {
        ComplaintRegistered registered = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);

        whoIsTold.registered(registered).block();

        InOrder order = inOrder(contacts, acknowledgements, notices);
        order.verify(contacts).remember(new Contact(registered.complaintId(), registered.number(),
                registered.customer().name(), registered.customer().phone()));
        order.verify(acknowledgements).admit(registered.customer().phone(), registered.eventId(),
                registered.complaintId());
        order.verify(notices).send(registered.eventId(), registered.complaintId(), Purpose.REGISTRATION_ACK,
                Audience.customer(registered.customer().phone()),
                Map.of("number", registered.number(), "replyWithin", Duration.ofHours(24)));
    }

    @Test
    void recordsTheAcknowledgementSuppressedWithTheReasonWhenThePhoneWasAcknowledgedLately() {
        ComplaintRegistered registered = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
        when(acknowledgements.admit(any(), any(), any())).thenReturn(Mono.just(Optional.of("too soon")));

        whoIsTold.registered(registered).block();

        verify(notices).suppress(registered.eventId(), registered.complaintId(), Purpose.REGISTRATION_ACK,
                Audience.customer(registered.customer().phone()),
                Map.of("number", registered.number(), "replyWithin", Duration.ofHours(24)), "too soon");
        verify(notices, never()).send(any(), any(), any(), any(), any());
    }

    @Test
    void namesTheComplaintByItsIdToStaffWhenItsRegistrationWasNotSeen() {
        TicketWarned warned = (TicketWarned) Golden.event(EventType.TICKET_WARNED);

        whoIsTold.warned(warned).block();

        assertThat(sentVariables(Purpose.SLA_WARNING, Audience.branch(warned.branch())))
                .contains(entry("number", warned.complaintId()), entry("ticketId", warned.ticketId()),
                        entry("limit", warned.clock()), entry("deadline", warned.deadline()));
    }

    @Test
    void tellsTheBranchOfAReopenedTicketWithHowOftenTheComplaintCameBack() {
        TicketAssigned golden = (TicketAssigned) Golden.event(EventType.TICKET_ASSIGNED);
        TicketAssigned reopened = new TicketAssigned(UUID.randomUUID(), golden.occurredAt(), golden.complaintId(),
                golden.ticketId(), golden.branch(), golden.category(), golden.priority(), "t-0",
                AssignmentReason.REOPENED, golden.channel(), golden.registeredAt());
        when(contacts.find(golden.complaintId())).thenReturn(Mono.just(new Contact(golden.complaintId(),
                "TS-20261122-000123", "Wang Fang", "13800138000")));
        when(reopens.reopenedWith(golden.complaintId(), golden.ticketId())).thenReturn(Mono.just(2));

        whoIsTold.assigned(reopened).block();

        assertThat(sentVariables(Purpose.TICKET_REOPENED, Audience.branch(golden.branch()))).containsOnly(
                entry("number", "TS-20261122-000123"), entry("ticketId", golden.ticketId()),
                entry("reopenCount", 2), entry("priority", golden.priority()));
    }

    @Test
    void tellsTheSupervisorsOfALevelTwoEscalationThatNamesNoLimitOrReason() {
        TicketEscalated golden = (TicketEscalated) Golden.event(EventType.TICKET_ESCALATED);
        TicketEscalated levelTwo = new TicketEscalated(UUID.randomUUID(), golden.occurredAt(), golden.complaintId(),
                golden.ticketId(), golden.branch(), 2, null, null, null);

        whoIsTold.escalated(levelTwo).block();

        assertThat(sentVariables(Purpose.ESCALATION_LEVEL_2, Audience.branch(golden.branch())))
                .contains(entry("limit", null), entry("deadline", null),
                        entry("reason", EscalationReason.LIMIT_PASSED));
    }

    @Test
    void tellsTheCustomerTheProblemBehindTheirComplaintWasSolvedWithItsResolution() {
        ProblemSolved solved = (ProblemSolved) Golden.event(EventType.PROBLEM_SOLVED);
        Contact contact = new Contact(solved.complaintId(), "TS-20261122-000123", "Wang Fang", "13800138000");
        when(contacts.of(solved.complaintId())).thenReturn(Mono.just(contact));

        whoIsTold.problemSolved(solved).block();

        verify(notices).send(solved.eventId(), solved.complaintId(), Purpose.PROBLEM_SOLVED,
                Audience.customer(contact.phone()),
                Map.of("number", contact.number(), "resolution", solved.resolution()));
    }

    @Test
    void tellsNobodyOfASolvedProblemWhoseClosingDidNotAskToTellTheCustomer() {
        ProblemSolved golden = (ProblemSolved) Golden.event(EventType.PROBLEM_SOLVED);
        ProblemSolved quiet = new ProblemSolved(golden.eventId(), golden.occurredAt(), golden.complaintId(),
                golden.problemId(), golden.title(), golden.resolution(), false, golden.actor());

        whoIsTold.problemSolved(quiet).block();

        verifyNoInteractions(notices, contacts);
    }

    @Test
    void alertsTheSupervisorsOfAFailedMessageWithTheCustomersPhoneMaskedButNeverOfAFailedAlert() {
        MessageFailed failed = (MessageFailed) Golden.event(EventType.MESSAGE_FAILED);
        MessageFailed failedAlert = new MessageFailed(UUID.randomUUID(), failed.occurredAt(), failed.complaintId(),
                failed.messageId(), failed.recipient(), failed.channel(), Purpose.DELIVERY_FAILED.name(), 1, "503");

        whoIsTold.deliveryFailed(failedAlert).block();
        verifyNoInteractions(notices);
        whoIsTold.deliveryFailed(failed).block();

        assertThat(sentVariables(Purpose.DELIVERY_FAILED, Audience.supervisors())).containsOnly(
                entry("complaintId", failed.complaintId()), entry("purpose", Purpose.valueOf(failed.purpose())),
                entry("channel", MessageChannel.valueOf(failed.channel())), entry("recipient", "138****8000"),
                entry("attempts", failed.attempts()), entry("lastError", failed.lastError()));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> sentVariables(Purpose purpose, Audience audience) {
        ArgumentCaptor<Map<String, ?>> variables = ArgumentCaptor.forClass(Map.class);
        verify(notices).send(any(), any(), eq(purpose), eq(audience), variables.capture());
        return (Map<String, Object>) variables.getValue();
    }
}
