package closedloop.escalation.supervision;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.HandlerAssigned;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A complaint's dossier: its story from every topic, applied once per event whatever order they arrive in. */
class DossierUnitTests {

    private static final String COMPLAINT = Golden.COMPLAINT_ID;
    private static final Instant T0 = Golden.AT;

    private final Dossier dossier = Dossier.of(COMPLAINT);

    @Test
    void recordsAnEventOnce() {
        TicketWarned warned = (TicketWarned) Golden.event(EventType.TICKET_WARNED);

        assertThat(dossier.record(warned, Topics.ESCALATION_SLA)).isTrue();
        assertThat(dossier.record(warned, Topics.ESCALATION_SLA)).isFalse();

        assertThat(dossier.timeline()).singleElement().isEqualTo(new TimelineEntry(warned.eventId().toString(),
                EventType.TICKET_WARNED.id(), warned.occurredAt(), Topics.ESCALATION_SLA, warned.summary(), null,
                Golden.TICKET_ID, "LIXIA-01"));
        assertThat(dossier.breaches()).singleElement().satisfies(breach -> {
            assertThat(breach.kind()).isEqualTo(AlertKind.WARNING);
            assertThat(breach.clock()).isEqualTo(ClockKind.SIGN_FOR);
            assertThat(breach.deadline()).isEqualTo(warned.deadline());
        });
    }

    @Test
    void tellsTheStoryInTimeOrderWhateverOrderTheEventsArrivedIn() {
        TicketAssigned assigned = assigned("t-1", "LIXIA-01", T0);
        TicketEscalated escalated = new TicketEscalated(UUID.randomUUID(), T0.plusSeconds(7200), COMPLAINT, "t-1",
                "LIXIA-01", 1, ClockKind.RESOLVE, T0.plusSeconds(7199), EscalationReason.LIMIT_PASSED);
        ComplaintRegistered registered = registered(T0.minusSeconds(60));

        dossier.record(escalated, Topics.ESCALATION_SLA);
        dossier.record(assigned, Topics.ROUTER_TICKET);
        dossier.record(registered, Topics.INTAKE_COMPLAINT);

        assertThat(dossier.timeline()).extracting(TimelineEntry::eventId).containsExactly(
                registered.eventId().toString(), assigned.eventId().toString(), escalated.eventId().toString());
        assertThat(dossier.timeline()).extracting(TimelineEntry::topic).containsExactly(
                Topics.INTAKE_COMPLAINT, Topics.ROUTER_TICKET, Topics.ESCALATION_SLA);
        assertThat(dossier.timeline().get(0).actor()).isEqualTo("agent-017");
    }

    @Test
    void namesEveryHolderWithHowLongItHeldTheComplaint() {
        dossier.record(assigned("t-1", "LIXIA-01", T0), Topics.ROUTER_TICKET);
        dossier.record(new TicketReturned(UUID.randomUUID(), T0.plus(Duration.ofHours(1)), COMPLAINT, "t-1",
                "LIXIA-01", ReturnReason.NOT_OUR_AREA, "Licheng", 1, "li.ming"), Topics.ROUTER_TICKET);
        dossier.record(assigned("t-2", "LICHENG-01", T0.plus(Duration.ofHours(1))), Topics.ROUTER_TICKET);
        dossier.record(new HandlerAssigned(UUID.randomUUID(), T0.plus(Duration.ofHours(2)), COMPLAINT, "t-2",
                "LICHENG-01", "chen.gang", "wu.lei"), Topics.ROUTER_TICKET);
        Instant now = T0.plus(Duration.ofHours(5));

        assertThat(dossier.holders(now)).containsExactly(
                new Holder("t-1", "LIXIA-01", null, T0, T0.plus(Duration.ofHours(1)), "RETURNED",
                        Duration.ofHours(1)),
                new Holder("t-2", "LICHENG-01", "chen.gang", T0.plus(Duration.ofHours(1)), null, null,
                        Duration.ofHours(4)));
    }

    @Test
    void endsAHoldingAtTheResolution() {
        dossier.record(new TicketResolved(UUID.randomUUID(), T0.plus(Duration.ofHours(3)), COMPLAINT, "t-1",
                "LIXIA-01", "Refunded", "li.ming"), Topics.ROUTER_TICKET);
        dossier.record(assigned("t-1", "LIXIA-01", T0), Topics.ROUTER_TICKET);

        assertThat(dossier.holders(T0.plus(Duration.ofDays(9)))).singleElement().satisfies(holder -> {
            assertThat(holder.endedBy()).isEqualTo("RESOLVED");
            assertThat(holder.dwell()).isEqualTo(Duration.ofHours(3));
        });
        assertThat(dossier.settledAt("t-1")).contains(T0.plus(Duration.ofHours(3)));
        assertThat(dossier.settledAt("t-2")).isEmpty();
        assertThat(dossier.resolvedOrClosedSince(T0.plus(Duration.ofHours(4)))).isEmpty();
        assertThat(dossier.resolvedOrClosedSince(T0.plus(Duration.ofHours(2)))).contains(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void knowsTheEarlierComplaintsAndTheHighestReopenCountInAnyOrder() {
        dossier.record(new ComplaintReopened(UUID.randomUUID(), T0.plusSeconds(20), COMPLAINT, 2, Priority.MAJOR,
                "agent-017"), Topics.INTAKE_COMPLAINT);
        dossier.record(new ComplaintReopened(UUID.randomUUID(), T0.plusSeconds(10), COMPLAINT, 1, Priority.URGENT,
                "agent-017"), Topics.INTAKE_COMPLAINT);
        dossier.record(registered(T0), Topics.INTAKE_COMPLAINT);

        assertThat(dossier.reopenCount()).isEqualTo(2);
        assertThat(dossier.repeat()).isTrue();
        assertThat(dossier.repeatOf()).containsExactly("1c9a7e55-0d3b-4f62-9a1e-8b7c6d5e4f30");
        assertThat(dossier.number()).isEqualTo("TS-20261122-000123");
    }

    @Test
    void settlesEveryTicketOnceTheComplaintIsClosed() {
        dossier.record(new ComplaintClosed(UUID.randomUUID(), T0, COMPLAINT,
                CallbackOutcome.SATISFIED, "agent-017"), Topics.INTAKE_COMPLAINT);

        assertThat(dossier.settledAt("any-ticket")).contains(T0);
        assertThat(dossier.resolvedOrClosedSince(T0.plusSeconds(60))).contains(T0);
    }

    private static TicketAssigned assigned(String ticketId, String branch, Instant at) {
        return new TicketAssigned(UUID.randomUUID(), at, COMPLAINT, ticketId, branch, Category.BILLING,
                Priority.NORMAL, null, AssignmentReason.ROUTED);
    }

    private static ComplaintRegistered registered(Instant at) {
        ComplaintRegistered golden = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
        return new ComplaintRegistered(UUID.randomUUID(), at, COMPLAINT, golden.number(), golden.channel(),
                golden.category(), golden.priority(), golden.customer(), golden.district(), golden.description(),
                golden.actor(), golden.address(), golden.priorityReason(), golden.repeat(), golden.repeatOf(),
                golden.promises());
    }
}
