package closedloop.router.routing;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

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
        ticket.resolve("Refunded the double charge", "li.ming", NOW.plusSeconds(120));

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

        assertThatThrownBy(() -> ticket.resolve("Fixed", "li.ming", NOW)).isInstanceOf(IllegalTicketTransition.class);

        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.resolution()).isNull();
        assertThat(ticket.history()).hasSize(1);
        assertThat(ticket.pendingEvents()).hasSize(1);
    }
}
