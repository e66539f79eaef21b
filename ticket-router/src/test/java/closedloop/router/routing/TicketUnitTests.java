package closedloop.router.routing;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.AssignmentReason;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.RootCause;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.TicketUnclaimed;
import closedloop.contracts.EventJson;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    /** The default of {@code closedloop.router.unclaimed-after}. */
    private static final int UNCLAIMED_AFTER = 3;

    private final ComplaintRegistered registered = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
    private final ComplaintReopened reopened = (ComplaintReopened) Golden.event(EventType.COMPLAINT_REOPENED);

    @Test
    void opensAnAssignedTicketWithIdsDerivedFromTheComplaintEvent() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);

        assertThat(ticket.id()).isEqualTo(EventIds.derived(registered.eventId(), "route").toString());
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.branch()).isEqualTo("LIXIA-01");
        assertThat(ticket.complaintNumber()).isEqualTo(registered.number());
        assertThat(ticket.createdAt()).isEqualTo(NOW);
        assertThat(ticket.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.TICKET_ASSIGNED.id());
            assertThat(event.eventId()).isEqualTo(EventIds.derived(registered.eventId(), "assign").toString());
            assertThat(event.key()).isEqualTo(registered.complaintId());
        });
    }

    @Test
    void reopensAtTheSameBranchWithTheNewPriorityAndALinkToThePreviousTicket() {
        Ticket previous = Ticket.assign(registered, "LIXIA-01", NOW);

        Ticket ticket = Ticket.reopen(reopened, previous, NOW.plusSeconds(60));

        assertThat(ticket.id()).isEqualTo(EventIds.derived(reopened.eventId(), "reopen-route").toString());
        assertThat(ticket.branch()).isEqualTo("LIXIA-01");
        assertThat(ticket.priority()).isEqualTo(Priority.URGENT);
        assertThat(ticket.previousTicketId()).isEqualTo(previous.id());
        assertThat(ticket.pendingEvents()).extracting(OutgoingEvent::eventId)
                .containsExactly(EventIds.derived(reopened.eventId(), "reopen-assign").toString());
    }

    @Test
    void recordsWhoSignedForAndResolvedInTheHistory() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);

        ticket.accept("li.ming", NOW.plusSeconds(60));
        ticket.resolve("Refunded the double charge", RootCause.BILLING_SYSTEM, "billing department", "li.ming",
                NOW.plusSeconds(120));

        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(ticket.acceptedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(ticket.resolvedAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(ticket.history()).extracting(HistoryEntry::action, HistoryEntry::actor, HistoryEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("assign", "ticket-router", TicketStatus.ASSIGNED),
                        org.assertj.core.groups.Tuple.tuple("accept", "li.ming", TicketStatus.ACCEPTED),
                        org.assertj.core.groups.Tuple.tuple("resolve", "li.ming", TicketStatus.RESOLVED));
        assertThat(ticket.pendingEvents()).extracting(OutgoingEvent::type).containsExactly(
                EventType.TICKET_ASSIGNED.id(), EventType.TICKET_ACCEPTED.id(), EventType.TICKET_RESOLVED.id());
    }

    @Test
    void changesNothingWhenAnActionIsRefused() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);

        assertThatThrownBy(() -> ticket.resolve("Fixed", RootCause.OTHER, "branch", "li.ming", NOW)).isInstanceOf(IllegalTicketTransition.class);

        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.resolution()).isNull();
        assertThat(ticket.history()).hasSize(1);
        assertThat(ticket.pendingEvents()).hasSize(1);
    }

    @Test
    void carriesRootCauseAndResponsiblePartyInTheResolvedEvent() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);
        ticket.accept("li.ming", NOW);

        ticket.resolve("Refunded", RootCause.BILLING_SYSTEM, "billing department", "li.ming", NOW);

        TicketResolved resolved = last(ticket, TicketResolved.class);
        assertThat(resolved.rootCause()).isEqualTo(RootCause.BILLING_SYSTEM);
        assertThat(resolved.responsibleParty()).isEqualTo("billing department");
        assertThat(ticket.releasedAt()).isEqualTo(NOW);
    }

    @Test
    void returnsCountingAgainstTheBranchAndNamesTheNextTicketByTheEvent() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);

        ticket.giveBack(ReturnReason.NOT_OUR_AREA, null, "li.ming", NOW.plusSeconds(60), UNCLAIMED_AFTER);

        TicketReturned returned = last(ticket, TicketReturned.class);
        assertThat(ticket.status()).isEqualTo(TicketStatus.RETURNED);
        assertThat(ticket.returnedBy()).containsExactly("LIXIA-01");
        assertThat(ticket.timesPassedOn()).isEqualTo(1);
        assertThat(returned.timesPassedOn()).isEqualTo(1);
        assertThat(ticket.nextTicketId()).isEqualTo(EventIds.derived(returned.eventId(), "reroute").toString());

        Ticket next = Ticket.reroute(returned, ticket, "SHIZHONG-01");
        assertThat(next.id()).isEqualTo(ticket.nextTicketId());
        assertThat(next.previousTicketId()).isEqualTo(ticket.id());
        assertThat(next.returnedBy()).containsExactly("LIXIA-01");
        assertThat(next.assignmentReason()).isEqualTo(AssignmentReason.RETURNED);
        assertThat(next.createdAt()).isEqualTo(returned.occurredAt());
        assertThat(next.pendingEvents()).singleElement().satisfies(event ->
                assertThat(event.eventId()).isEqualTo(EventIds.derived(returned.eventId(), "reroute-assign").toString()));
        assertThat(Ticket.reroute(returned, ticket, "SHIZHONG-01").id()).isEqualTo(next.id());
    }

    @Test
    void reportsAComplaintUnclaimedOnceWhenPassedOnThreeTimesWithoutASignature() {
        Ticket first = Ticket.assign(registered, "LIXIA-01", NOW);
        first.giveBack(ReturnReason.NOT_OUR_AREA, null, "a", NOW, UNCLAIMED_AFTER);
        Ticket second = Ticket.reroute(last(first, TicketReturned.class), first, Routing.MANUAL);
        second.transfer(TicketAction.DISPATCH, "SHIZHONG-01", "desk", NOW, UNCLAIMED_AFTER);
        Ticket third = Ticket.transferred(last(second, TicketTransferred.class), second);
        assertThat(third.pendingEvents()).noneMatch(event -> event.type().equals(EventType.TICKET_UNCLAIMED.id()));

        third.giveBack(ReturnReason.WRONG_CATEGORY, null, "b", NOW, UNCLAIMED_AFTER);

        TicketUnclaimed unclaimed = last(third, TicketUnclaimed.class);
        assertThat(unclaimed.eventId()).isEqualTo(EventIds.derived(registered.complaintId(), "unclaimed"));
        assertThat(unclaimed.timesPassedOn()).isEqualTo(3);
        assertThat(unclaimed.branch()).isEqualTo("SHIZHONG-01");
        Ticket fourth = Ticket.reroute(last(third, TicketReturned.class), third, Routing.MANUAL);
        fourth.transfer(TicketAction.TRANSFER, "HUAIYIN-01", "desk", NOW, UNCLAIMED_AFTER);
        assertThat(fourth.pendingEvents()).noneMatch(event -> event.type().equals(EventType.TICKET_UNCLAIMED.id()));
    }

    @Test
    void reportsAComplaintUnclaimedAfterAsManyPassesAsTheSettingSays() {
        Ticket first = Ticket.assign(registered, "LIXIA-01", NOW);
        first.giveBack(ReturnReason.NOT_OUR_AREA, null, "a", NOW, 2);
        Ticket second = Ticket.reroute(last(first, TicketReturned.class), first, Routing.MANUAL);
        assertThat(first.pendingEvents()).noneMatch(event -> event.type().equals(EventType.TICKET_UNCLAIMED.id()));

        second.transfer(TicketAction.DISPATCH, "SHIZHONG-01", "desk", NOW, 2);

        assertThat(last(second, TicketUnclaimed.class).timesPassedOn()).isEqualTo(2);
        assertThat(second.trail().unclaimedReported()).isTrue();
    }

    @Test
    void doesNotReportThreePassesUnclaimedWhenSetToFour() {
        Ticket first = Ticket.assign(registered, "LIXIA-01", NOW);
        first.giveBack(ReturnReason.NOT_OUR_AREA, null, "a", NOW, 4);
        Ticket second = Ticket.reroute(last(first, TicketReturned.class), first, Routing.MANUAL);
        second.transfer(TicketAction.DISPATCH, "SHIZHONG-01", "desk", NOW, 4);
        Ticket third = Ticket.transferred(last(second, TicketTransferred.class), second);

        third.giveBack(ReturnReason.WRONG_CATEGORY, null, "b", NOW, 4);

        assertThat(third.trail().unclaimedPasses()).isEqualTo(3);
        assertThat(third.trail().unclaimedReported()).isFalse();
        assertThat(List.of(first, second, third)).allSatisfy(ticket -> assertThat(ticket.pendingEvents())
                .noneMatch(event -> event.type().equals(EventType.TICKET_UNCLAIMED.id())));
    }

    @Test
    void handsWhatItKnowsOfTheComplaintAndItsTrailWholeToTheNextTicket() {
        Ticket first = Ticket.assign(registered, "LIXIA-01", NOW);
        first.giveBack(ReturnReason.NOT_OUR_AREA, null, "a", NOW, UNCLAIMED_AFTER);

        Ticket second = Ticket.reroute(last(first, TicketReturned.class), first, "SHIZHONG-01");
        Ticket reopened = Ticket.reopen(this.reopened, second, NOW);

        assertThat(first.complaint()).isEqualTo(new ComplaintSnapshot(registered.number(), registered.category(),
                registered.priority(), registered.channel(), registered.district(), registered.occurredAt()));
        assertThat(second.complaint()).isEqualTo(first.complaint());
        assertThat(second.complaintId()).isEqualTo(first.complaintId());
        assertThat(second.trail()).isEqualTo(new ComplaintTrail(List.of("LIXIA-01"), 1, 1, false));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(reopened.complaint()).isEqualTo(first.complaint().at(this.reopened.priority()));
        assertThat(reopened.trail()).isEqualTo(new ComplaintTrail(List.of("LIXIA-01"), 1, 0, false));
        assertThat(reopened.sequence()).isEqualTo(3);
    }

    @Test
    void doesNotCountPassesOfATicketSomeoneSignedFor() {
        Ticket first = Ticket.assign(registered, "LIXIA-01", NOW);
        first.giveBack(ReturnReason.NOT_OUR_AREA, null, "a", NOW, UNCLAIMED_AFTER);
        Ticket second = Ticket.reroute(last(first, TicketReturned.class), first, "SHIZHONG-01");
        second.accept("b", NOW);
        second.giveBack(ReturnReason.NOT_OUR_AREA, null, "b", NOW, UNCLAIMED_AFTER);
        Ticket third = Ticket.reroute(last(second, TicketReturned.class), second, "HUAIYIN-01");

        third.giveBack(ReturnReason.NOT_OUR_AREA, null, "c", NOW, UNCLAIMED_AFTER);

        assertThat(third.timesPassedOn()).isEqualTo(3);
        assertThat(third.trail().unclaimedPasses()).isEqualTo(1);
        assertThat(third.pendingEvents()).noneMatch(event -> event.type().equals(EventType.TICKET_UNCLAIMED.id()));
        assertThat(third.returnedBy()).containsExactly("LIXIA-01", "SHIZHONG-01", "HUAIYIN-01");
    }

    @Test
    void refusesToDispatchATicketThatIsNotAtTheDispatchDesk() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);

        assertThatThrownBy(() -> ticket.transfer(TicketAction.DISPATCH, "SHIZHONG-01", "desk", NOW, UNCLAIMED_AFTER))
                .isInstanceOfSatisfying(IllegalTicketTransition.class, illegal ->
                        assertThat(illegal.allowedActions()).doesNotContain(TicketAction.DISPATCH.label()));
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.allowedActions()).doesNotContain(TicketAction.DISPATCH);
        assertThat(Ticket.assign(registered, Routing.MANUAL, NOW).allowedActions()).contains(TicketAction.DISPATCH);
    }

    @Test
    void resumesWhenAHandlerIsNamedWhileWaitingOnTheCustomer() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);
        ticket.accept("li.ming", NOW);
        ticket.waitOnCustomer("Customer abroad", "li.ming", NOW);

        ticket.nameHandler("wang.qiang", "li.ming", NOW);

        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(ticket.pendingEvents()).extracting(OutgoingEvent::type).endsWith(
                EventType.HANDLER_ASSIGNED.id(), EventType.TICKET_RESUMED.id());
    }

    @Test
    void keepsTheFirstContactWhenTheBranchRecordsAnother() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);
        ticket.accept("li.ming", NOW);

        ticket.recordFirstContact(NOW.minusSeconds(60), ContactMethod.PHONE, "Apologised", "li.ming", NOW);
        ticket.recordFirstContact(NOW, ContactMethod.VISIT, "Visited", "li.ming", NOW);

        assertThat(ticket.firstContactAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(ticket.firstContactMethod()).isEqualTo(ContactMethod.PHONE);
        assertThat(ticket.history()).extracting(HistoryEntry::action).containsExactly("assign", "accept",
                "first-contact", "first-contact");
    }

    @Test
    void tracesTheBranchThenEachHandlerUntilTheBranchLetGo() {
        Ticket ticket = Ticket.assign(registered, "LIXIA-01", NOW);
        ticket.accept("li.ming", NOW.plusSeconds(60));
        ticket.nameHandler("wang.qiang", "li.ming", NOW.plusSeconds(100));
        ticket.nameHandler("zhao.lei", "li.ming", NOW.plusSeconds(400));

        assertThat(ticket.holders(NOW.plusSeconds(1000))).containsExactly(
                new Holder(ticket.id(), "LIXIA-01", null, NOW, NOW.plusSeconds(100), 100),
                new Holder(ticket.id(), "LIXIA-01", "wang.qiang", NOW.plusSeconds(100), NOW.plusSeconds(400), 300),
                new Holder(ticket.id(), "LIXIA-01", "zhao.lei", NOW.plusSeconds(400), null, 600));

        ticket.resolve("Fixed", RootCause.PROCESS, "branch", "zhao.lei", NOW.plusSeconds(1000));
        assertThat(ticket.holders(NOW.plusSeconds(5000))).last().isEqualTo(
                new Holder(ticket.id(), "LIXIA-01", "zhao.lei", NOW.plusSeconds(400), NOW.plusSeconds(1000), 600));
    }

    private static <T> T last(Ticket ticket, Class<T> type) {
        List<OutgoingEvent> events = ticket.pendingEvents();
        for (int i = events.size() - 1; i >= 0; i--) {
            OutgoingEvent event = events.get(i);
            EventType eventType = EventType.byId(event.type()).orElseThrow();
            if (eventType.recordType() == type) {
                return type.cast(EventJson.read(eventType, event.payload()));
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " recorded");
    }
}
