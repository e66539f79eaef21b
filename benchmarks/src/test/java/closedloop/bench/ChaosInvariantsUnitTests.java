package closedloop.bench;

import closedloop.bench.ChaosInvariants.Invariant;
import closedloop.bench.LoopDriver.Driven;
import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.Customer;
import closedloop.contracts.MessageSent;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketWarned;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants hold on a loop that went right, and each kind of breach breaks the one that names it. */
class ChaosInvariantsUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Map<String, Long> NO_DEAD_LETTERS = Map.of("intake.complaint.DLT", 0L,
            "router.ticket.DLT", 0L);

    @Test
    void allHoldForAClosedComplaintAndAnEscalatedNeglectedOne() {
        List<ClosedLoopEvent> events = new ArrayList<>(closedLoop("c-1", "t-1"));
        events.addAll(neglected("c-2", "t-2"));
        events.add(events.get(0)); // a copy published again is not a second complaint

        List<Invariant> invariants = ChaosInvariants.check(List.of(driven("c-1", false), driven("c-2", true)), 10,
                List.of(), TopicLedger.of(events, NO_DEAD_LETTERS));

        assertThat(invariants).hasSize(17).allSatisfy(invariant -> assertThat(invariant.holds())
                .as("%s: %s", invariant.name(), invariant.broken()).isTrue());
    }

    @Test
    void aSecondEscalationWithAnotherIdBreaksNoEscalationTwice() {
        List<ClosedLoopEvent> events = new ArrayList<>(closedLoop("c-1", "t-1"));
        events.addAll(neglected("c-2", "t-2"));
        events.add(new TicketEscalated(UUID.randomUUID(), NOW, "c-2", "t-2", "LIXIA-01", 1, ClockKind.SIGN_FOR, NOW));

        assertThat(broken(ChaosInvariants.check(List.of(driven("c-1", false), driven("c-2", true)), 10, List.of(),
                TopicLedger.of(events, NO_DEAD_LETTERS)))).containsExactly("no escalation twice (ticket, level, clock)");
    }

    @Test
    void aResolvedTicketWithoutCallbackAndADeadLetterAreBreaches() {
        List<ClosedLoopEvent> events = new ArrayList<>(closedLoop("c-1", "t-1"));
        events.removeIf(event -> event instanceof CallbackOpened);

        assertThat(broken(ChaosInvariants.check(List.of(driven("c-1", false)), 10,
                List.of("POST /api/v1/complaints 500"), TopicLedger.of(events, Map.of("router.ticket.DLT", 1L)))))
                .contains("every resolved ticket has its callback", "nothing in any dead-letter topic",
                        "no request answered 500 (a fault is answered 503, or not at all)");
    }

    @Test
    void aKeyAnsweredWithTwoComplaintsAndAComplaintNobodyWasToldAboutAreBreaches() {
        Driven twice = driven("c-1", false);
        twice.ids.add("c-9");
        List<ClosedLoopEvent> events = new ArrayList<>(closedLoop("c-1", "t-1"));
        events.addAll(closedLoop("c-8", "t-8"));

        assertThat(broken(ChaosInvariants.check(List.of(twice), 10, List.of(),
                TopicLedger.of(events, NO_DEAD_LETTERS))))
                .contains("an Idempotency-Key always names the same complaint",
                        "every registered complaint was answered 201");
    }

    private static List<String> broken(List<Invariant> invariants) {
        return invariants.stream().filter(invariant -> !invariant.holds()).map(Invariant::name).toList();
    }

    private static Driven driven(String id, boolean neglected) {
        Driven complaint = new Driven("{}", neglected, NOW);
        complaint.ids.add(id);
        complaint.registeredAt = NOW;
        return complaint;
    }

    /** What the topics hold for a complaint that went around the loop once. */
    private static List<ClosedLoopEvent> closedLoop(String complaintId, String ticketId) {
        List<ClosedLoopEvent> events = new ArrayList<>(routed(complaintId, ticketId));
        String callbackId = "cb-" + ticketId;
        events.add(new TicketResolved(UUID.randomUUID(), NOW, complaintId, ticketId, "LIXIA-01", "Refunded", "li.ming"));
        events.add(new CallbackOpened(UUID.randomUUID(), NOW, complaintId, callbackId, ticketId, "LIXIA-01", NOW));
        events.add(new CallbackCompleted(UUID.randomUUID(), NOW, complaintId, callbackId, ticketId,
                CallbackOutcome.SATISFIED, "ok", "agent-017"));
        events.add(new ComplaintClosed(UUID.randomUUID(), NOW, complaintId, CallbackOutcome.SATISFIED, "agent-017"));
        events.add(new MessageSent(UUID.randomUUID(), NOW, complaintId, "m-" + complaintId, "13900000001", "SMS",
                "REGISTRATION_ACK"));
        return events;
    }

    /** What the topics hold for a complaint whose ticket was never accepted and escalated. */
    private static List<ClosedLoopEvent> neglected(String complaintId, String ticketId) {
        List<ClosedLoopEvent> events = new ArrayList<>(routed(complaintId, ticketId));
        events.add(new TicketWarned(UUID.randomUUID(), NOW, complaintId, ticketId, "LIXIA-01", ClockKind.SIGN_FOR, NOW));
        events.add(new TicketEscalated(UUID.randomUUID(), NOW, complaintId, ticketId, "LIXIA-01", 1,
                ClockKind.SIGN_FOR, NOW));
        return events;
    }

    private static List<ClosedLoopEvent> routed(String complaintId, String ticketId) {
        List<ClosedLoopEvent> events = new ArrayList<>();
        events.add(new ComplaintRegistered(UUID.randomUUID(), NOW, complaintId, "TS-20261207-000001", Channel.HOTLINE,
                Category.BILLING, Priority.NORMAL, new Customer("Zhang Wei", "13900000001", null, false), "Lixia",
                "Charged twice", "agent-017"));
        events.add(new TicketAssigned(UUID.randomUUID(), NOW, complaintId, ticketId, "LIXIA-01", Category.BILLING,
                Priority.NORMAL, null));
        for (ClockKind clock : List.of(ClockKind.SIGN_FOR, ClockKind.FIRST_CONTACT, ClockKind.RESOLVE)) {
            events.add(new ClockStarted(UUID.randomUUID(), NOW, complaintId, ticketId, "LIXIA-01", clock, NOW));
        }
        return events;
    }
}
