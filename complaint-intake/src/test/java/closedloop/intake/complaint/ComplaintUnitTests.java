package closedloop.intake.complaint;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.Customer;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.Promise;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TimeBasis;
import closedloop.contracts.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static closedloop.intake.complaint.ComplaintStatus.ASSIGNED;
import static closedloop.intake.complaint.ComplaintStatus.CLOSED;
import static closedloop.intake.complaint.ComplaintStatus.REGISTERED;
import static closedloop.intake.complaint.ComplaintStatus.REOPENED;
import static closedloop.intake.complaint.ComplaintStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The complaint's state machine, without Spring. */
class ComplaintUnitTests {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    static final String ID = "c-1";
    static final ObjectMapper GOLDEN_JSON = new ObjectMapper();

    Instant clock = NOW;

    @Test
    void registersWithItsNumberAndRecordsComplaintRegistered() {
        Complaint complaint = registered(Channel.HOTLINE);

        assertThat(complaint.status()).isEqualTo(REGISTERED);
        assertThat(complaint.priority()).isEqualTo(Priority.NORMAL);
        assertThat(complaint.registeredAt()).isEqualTo(NOW);
        assertThat(complaint.closedOutcome()).isNull();
        ComplaintRegistered registered = (ComplaintRegistered) recorded(complaint).get(0);
        assertThat(registered).isEqualTo(new ComplaintRegistered(registered.eventId(), NOW, ID, "TS-20261123-000001",
                Channel.HOTLINE, Category.BILLING, Priority.NORMAL, new Customer("Wang Fang", "13800138000"),
                "Lixia", "Charged twice", "agent-017", null, "HOTLINE channel → NORMAL", false, List.of(),
                List.of()));
        assertThat(complaint.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo(registered.eventId().toString());
            assertThat(entry.type()).isEqualTo("closedloop.complaint.registered.v1");
            assertThat(entry.source()).isEqualTo("complaint-intake");
            assertThat(entry.summary()).isEqualTo(registered.summary());
        });
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void startsUrgentOnlyWhenAnOutsideBodyWatches(Channel channel) {
        boolean watched = channel == Channel.CONSUMER_ASSOCIATION || channel == Channel.MEDIA
                || channel == Channel.REGULATOR;
        assertThat(registered(channel).priority()).isEqualTo(watched ? Priority.URGENT : Priority.NORMAL);
    }

    @ParameterizedTest
    @EnumSource(value = CallbackOutcome.class, names = {"SATISFIED", "BASICALLY_SATISFIED", "UNREACHABLE"})
    void closesAfterACallbackThatDoesNotAskForMore(CallbackOutcome outcome) {
        Complaint complaint = resolved();
        CallbackCompleted callback = callback(outcome);

        assertThat(complaint.apply(callback, "notification-service", clock)).isTrue();

        assertThat(complaint.status()).isEqualTo(CLOSED);
        assertThat(complaint.closedOutcome()).isEqualTo(outcome);
        ComplaintClosed closed = (ComplaintClosed) last(recorded(complaint));
        assertThat(closed).isEqualTo(new ComplaintClosed(EventIds.derived(callback.eventId(), "close"), clock, ID,
                outcome, "agent-017"));
        assertThat(types(complaint)).containsExactly("closedloop.complaint.registered.v1",
                "closedloop.ticket.assigned.v1", "closedloop.ticket.resolved.v1",
                "closedloop.contact.callback-completed.v1", "closedloop.complaint.closed.v1");
    }

    @Test
    void reopensOnePriorityUpWhenTheCustomerIsUnsatisfied() {
        Complaint complaint = resolved();
        CallbackCompleted callback = callback(CallbackOutcome.UNSATISFIED);

        complaint.apply(callback, "notification-service", clock);

        assertThat(complaint.status()).isEqualTo(REOPENED);
        assertThat(complaint.reopenCount()).isEqualTo(1);
        assertThat(complaint.priority()).isEqualTo(Priority.URGENT);
        assertThat(complaint.closedOutcome()).isNull();
        assertThat(last(recorded(complaint))).isEqualTo(new ComplaintReopened(
                EventIds.derived(callback.eventId(), "reopen"), clock, ID, 1, Priority.URGENT, "agent-017"));
    }

    @Test
    void goesBackToAssignedWhenTheReopenedComplaintIsDispatchedAgain() {
        Complaint complaint = resolved();
        complaint.apply(callback(CallbackOutcome.UNSATISFIED), "notification-service", clock);

        complaint.apply(assigned(), "ticket-router", later());
        assertThat(complaint.status()).isEqualTo(ASSIGNED);

        complaint.apply(resolvedEvent(), "ticket-router", later());
        complaint.apply(callback(CallbackOutcome.UNSATISFIED), "notification-service", later());
        assertThat(complaint.status()).isEqualTo(REOPENED);
        assertThat(complaint.reopenCount()).isEqualTo(2);
        assertThat(complaint.priority()).isEqualTo(Priority.MAJOR);
    }

    @Test
    void staysMajorWhenReopenedAgainAtTheTop() {
        Complaint complaint = registered(Channel.MEDIA);
        for (int round = 1; round <= 3; round++) {
            complaint.apply(assigned(), "ticket-router", later());
            complaint.apply(resolvedEvent(), "ticket-router", later());
            complaint.apply(callback(CallbackOutcome.UNSATISFIED), "notification-service", later());
        }
        assertThat(complaint.reopenCount()).isEqualTo(3);
        assertThat(complaint.priority()).isEqualTo(Priority.MAJOR);
    }

    @Test
    void ignoresAnEventAlreadyOnTheTimeline() {
        Complaint complaint = registered(Channel.HOTLINE);
        TicketAssigned assigned = assigned();

        assertThat(complaint.apply(assigned, "ticket-router", clock)).isTrue();
        assertThat(complaint.apply(assigned, "ticket-router", later())).isFalse();

        assertThat(types(complaint)).containsExactly("closedloop.complaint.registered.v1",
                "closedloop.ticket.assigned.v1");
        assertThat(complaint.hasApplied(assigned.eventId())).isTrue();
    }

    @Test
    void closesOnlyOnceWhenTheSameCallbackComesTwice() {
        Complaint complaint = resolved();
        CallbackCompleted callback = callback(CallbackOutcome.SATISFIED);

        complaint.apply(callback, "notification-service", clock);
        complaint.apply(callback, "notification-service", later());

        assertThat(recorded(complaint)).filteredOn(ComplaintClosed.class::isInstance).hasSize(1);
    }

    @Test
    void keepsAnEventThatComesOutOfTurnOnTheTimelineWithoutMovingTheStatus() {
        Complaint complaint = registered(Channel.HOTLINE);

        assertThat(complaint.apply(resolvedEvent(), "ticket-router", clock)).isTrue();
        assertThat(complaint.apply(callback(CallbackOutcome.SATISFIED), "notification-service", clock)).isTrue();

        assertThat(complaint.status()).isEqualTo(REGISTERED);
        assertThat(complaint.closedOutcome()).isNull();
        assertThat(recorded(complaint)).hasSize(1);
        assertThat(complaint.timeline()).hasSize(3);
    }

    @Test
    void refusesACallbackOfItsTicketBeforeThatTicketsResolutionAndTakesItAfter() {
        Complaint complaint = registered(Channel.HOTLINE);
        complaint.apply(assigned(), "ticket-router", later());
        CallbackCompleted early = callback(CallbackOutcome.SATISFIED);

        assertThatThrownBy(() -> complaint.apply(early, "notification-service", later()))
                .isInstanceOf(ResolutionNotYetApplied.class).hasMessageContaining("t-1");
        assertThat(complaint.status()).isEqualTo(ASSIGNED);
        assertThat(complaint.hasApplied(early.eventId())).isFalse();

        complaint.apply(resolvedEvent(), "ticket-router", later());
        assertThat(complaint.apply(early, "notification-service", later())).isTrue();
        assertThat(complaint.status()).isEqualTo(CLOSED);
        assertThat(complaint.ticketId()).isEqualTo("t-1");
    }

    @Test
    void keepsACallbackOfAnotherTicketOnTheTimelineOnly() {
        Complaint complaint = registered(Channel.HOTLINE);
        complaint.apply(assigned(), "ticket-router", later());
        CallbackCompleted ofAnother = new CallbackCompleted(UUID.randomUUID(), later(), ID, "cb-9", "t-9",
                CallbackOutcome.SATISFIED, "Called", "agent-017");

        assertThat(complaint.apply(ofAnother, "notification-service", later())).isTrue();
        assertThat(complaint.status()).isEqualTo(ASSIGNED);
    }

    @Test
    void staysClosedWhateverComesAfter() {
        Complaint complaint = resolved();
        complaint.apply(callback(CallbackOutcome.SATISFIED), "notification-service", clock);

        complaint.apply(assigned(), "ticket-router", later());
        complaint.apply(callback(CallbackOutcome.UNSATISFIED), "notification-service", later());

        assertThat(complaint.status()).isEqualTo(CLOSED);
        assertThat(complaint.reopenCount()).isZero();
        assertThat(recorded(complaint)).noneMatch(ComplaintReopened.class::isInstance);
    }

    @Test
    void putsEventsOnTheTimelineOldestFirst() {
        Complaint complaint = registered(Channel.HOTLINE);
        TicketAccepted accepted = new TicketAccepted(UUID.randomUUID(), NOW.plusSeconds(120), ID, "t-1", "LIXIA-01", "li");
        TicketAssigned assigned = new TicketAssigned(UUID.randomUUID(), NOW.plusSeconds(60), ID, "t-1", "LIXIA-01",
                Category.BILLING, Priority.NORMAL, null);

        complaint.apply(accepted, "ticket-router", NOW);
        complaint.apply(assigned, "ticket-router", NOW);

        assertThat(types(complaint)).containsExactly("closedloop.complaint.registered.v1",
                "closedloop.ticket.assigned.v1", "closedloop.ticket.accepted.v1");
        assertThat(complaint.status()).isEqualTo(ASSIGNED);
    }

    @Test
    void neverDatesADecisionBeforeItsCause() {
        Complaint complaint = resolved();
        CallbackCompleted callback = new CallbackCompleted(UUID.randomUUID(), NOW.plusSeconds(3600), ID, "cb-1", "t-1",
                CallbackOutcome.SATISFIED, null, "agent-017");

        complaint.apply(callback, "notification-service", NOW);

        assertThat(last(recorded(complaint)).occurredAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(last(complaint.timeline()).type()).isEqualTo("closedloop.complaint.closed.v1");
    }

    @Test
    void refusesAnEventOfAnotherComplaint() {
        Complaint complaint = registered(Channel.HOTLINE);
        TicketAccepted foreign = new TicketAccepted(UUID.randomUUID(), NOW, "c-2", "t-1", "LIXIA-01", "li");

        assertThatThrownBy(() -> complaint.apply(foreign, "ticket-router", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsOnlyTheMovesOfTheLoop() {
        assertThat(REGISTERED.next()).containsExactly(ASSIGNED);
        assertThat(ASSIGNED.next()).containsExactlyInAnyOrder(ASSIGNED, RESOLVED);
        assertThat(RESOLVED.next()).containsExactlyInAnyOrder(CLOSED, REOPENED);
        assertThat(REOPENED.next()).containsExactly(ASSIGNED);
        assertThat(CLOSED.next()).isEmpty();
        assertThat(REGISTERED.canMoveTo(CLOSED)).isFalse();
    }

    @Test
    void registersEverythingTheAgentToldAndPromisesAReply() {
        Promise promise = new Promise("Refund twice the overcharge", NOW.plus(Duration.ofDays(3)));
        Customer vip = new Customer("Wang Fang", "13800138000", "0531-2088-7731", true);
        NewComplaint details = new NewComplaint(Channel.HOTLINE, Category.BILLING, Priority.MAJOR, vip, "Lixia",
                "12 Jingshi Road", "Charged twice", List.of(promise));
        List<EarlierComplaint> earlier = List.of(new EarlierComplaint("c-0", "TS-20261105-000042"),
                new EarlierComplaint("c-00", "TS-20261101-000007"));

        Complaint complaint = Complaint.register(ID, "TS-20261123-000001", details, earlier, "agent-017", NOW,
                Duration.ofHours(48));

        assertThat(complaint.priority()).isEqualTo(Priority.MAJOR);
        assertThat(complaint.priorityReason()).isEqualTo("HOTLINE channel → NORMAL; repeat of TS-20261105-000042 "
                + "→ URGENT; VIP → MAJOR");
        assertThat(complaint.repeat()).isTrue();
        assertThat(complaint.repeatOf()).containsExactly("c-0", "c-00");
        assertThat(complaint.promisedReplyBy()).isEqualTo(NOW.plus(Duration.ofHours(48)));
        assertThat(complaint.agent()).isEqualTo("agent-017");
        assertThat(complaint.address()).isEqualTo("12 Jingshi Road");
        assertThat(complaint.promises()).containsExactly(promise);
        ComplaintRegistered registered = (ComplaintRegistered) recorded(complaint).get(0);
        assertThat(registered).isEqualTo(new ComplaintRegistered(registered.eventId(), NOW, ID, "TS-20261123-000001",
                Channel.HOTLINE, Category.BILLING, Priority.MAJOR, vip, "Lixia", "Charged twice", "agent-017",
                "12 Jingshi Road", complaint.priorityReason(), true, List.of("c-0", "c-00"), List.of(promise)));
        assertThat(complaint.timeline().get(0).actor()).isEqualTo("agent-017");
    }

    @Test
    void remembersTheBranchOfTheLatestAssignment() {
        Complaint complaint = registered(Channel.HOTLINE);
        assertThat(complaint.branch()).isNull();

        complaint.apply(assigned(), "ticket-router", later());
        assertThat(complaint.branch()).isEqualTo("LIXIA-01");

        complaint.apply(new TicketAssigned(UUID.randomUUID(), later(), ID, "t-2", "SHIZHONG-02", Category.BILLING,
                Priority.NORMAL, "t-1"), "ticket-router", clock);
        assertThat(complaint.branch()).isEqualTo("SHIZHONG-02");
    }

    @Test
    void showsWhoDidItOnTheTimeline() {
        Complaint complaint = registered(Channel.HOTLINE);
        complaint.apply(assigned(), "ticket-router", later());
        complaint.apply(resolvedEvent(), "ticket-router", later());

        assertThat(complaint.timeline()).extracting(TimelineEntry::actor)
                .containsExactly("agent-017", null, "li.ming");
    }

    @ParameterizedTest(name = "{1} when {0}")
    @MethodSource("slaEventsInEveryStatus")
    void putsAnSlaEventOnTheTimelineOnceAndLeavesTheComplaintAsItWas(ComplaintStatus status, String what,
                                                                     ClosedLoopEvent event) {
        Complaint complaint = in(status);
        Priority priority = complaint.priority();
        String branch = complaint.branch();
        CallbackOutcome outcome = complaint.closedOutcome();
        int reopenCount = complaint.reopenCount();
        int recordedBefore = complaint.pendingEvents().size();
        List<TimelineEntry> timelineBefore = List.copyOf(complaint.timeline());

        assertThat(complaint.apply(event, "escalation-service", later())).isTrue();

        assertThat(complaint.status()).isEqualTo(status);
        assertThat(complaint.priority()).isEqualTo(priority);
        assertThat(complaint.branch()).isEqualTo(branch);
        assertThat(complaint.closedOutcome()).isEqualTo(outcome);
        assertThat(complaint.reopenCount()).isEqualTo(reopenCount);
        assertThat(complaint.pendingEvents()).hasSize(recordedBefore);
        assertThat(complaint.timeline()).hasSize(timelineBefore.size() + 1).containsAll(timelineBefore)
                .filteredOn(entry -> entry.eventId().equals(event.eventId().toString()))
                .containsExactly(new TimelineEntry(event.eventId().toString(), EventType.of(event).id(),
                        event.occurredAt(), "escalation-service", event.summary(), event.actor()));
        List<TimelineEntry> timelineAfter = List.copyOf(complaint.timeline());

        assertThat(complaint.apply(event, "escalation-service", later())).isFalse();

        assertThat(complaint.timeline()).isEqualTo(timelineAfter);
        assertThat(complaint.status()).isEqualTo(status);
        assertThat(complaint.pendingEvents()).hasSize(recordedBefore);
    }

    @Test
    void showsWhoDecidedOrKeptAPromiseAndNoActorForWhatTheClocksDid() {
        Complaint complaint = in(ASSIGNED);
        slaEvents(NOW.plus(Duration.ofHours(1))).values()
                .forEach(event -> complaint.apply(event, "escalation-service", later()));

        assertThat(complaint.timeline()).filteredOn(entry -> entry.type().startsWith("closedloop.sla."))
                .hasSize(24)
                .allSatisfy(entry -> assertThat(entry.actor()).as(entry.type()).isEqualTo(Map.ofEntries(
                        Map.entry("closedloop.sla.extension-approved.v1", "sup.liu"),
                        Map.entry("closedloop.sla.extension-refused.v1", "sup.liu"),
                        Map.entry("closedloop.sla.office-meeting-decided.v1", "sup.liu"),
                        Map.entry("closedloop.sla.obligation-fulfilled.v1", "li.ming"),
                        Map.entry("closedloop.sla.obligation-waived.v1", "sup.wang"),
                        Map.entry("closedloop.sla.problem-opened.v1", "sup.liu"),
                        Map.entry("closedloop.sla.complaint-linked-to-problem.v1", "sup.liu"),
                        Map.entry("closedloop.sla.corrective-action-planned.v1", "sup.liu"),
                        Map.entry("closedloop.sla.corrective-action-done.v1", "li.ming"),
                        Map.entry("closedloop.sla.problem-put-on-agenda.v1", "sup.liu"),
                        Map.entry("closedloop.sla.problem-solved.v1", "sup.liu")).get(entry.type())));
    }

    @Test
    void coversEveryEventTheSlaEngineTells() {
        assertThat(slaEvents(NOW).values()).extracting(EventType::of).containsOnly(EventType.CLOCK_STARTED,
                EventType.CLOCKS_PAUSED, EventType.CLOCKS_RESUMED, EventType.EXTENSION_APPROVED,
                EventType.EXTENSION_REFUSED, EventType.TICKET_WARNED, EventType.TICKET_ESCALATED,
                EventType.OFFICE_MEETING_DECIDED, EventType.OFFICE_MEETING_DECISION_OVERDUE, EventType.DEADLINE_MOVED,
                EventType.OBLIGATION_FULFILLED, EventType.OBLIGATION_WAIVED, EventType.OBLIGATION_WARNED,
                EventType.OBLIGATION_BREACHED, EventType.PROBLEM_OPENED,
                EventType.COMPLAINT_LINKED_TO_PROBLEM, EventType.CORRECTIVE_ACTION_PLANNED,
                EventType.CORRECTIVE_ACTION_DONE, EventType.CORRECTIVE_ACTION_WARNED,
                EventType.CORRECTIVE_ACTION_OVERDUE, EventType.PROBLEM_PUT_ON_AGENDA, EventType.PROBLEM_SOLVED);
    }

    /** Every SLA event, each in every status a complaint can be in. */
    static Stream<Arguments> slaEventsInEveryStatus() {
        Instant at = NOW.plus(Duration.ofHours(1));
        List<Arguments> cases = new ArrayList<>();
        for (ComplaintStatus status : ComplaintStatus.values()) {
            slaEvents(at).forEach((what, event) -> cases.add(Arguments.of(status, what, event)));
        }
        return cases.stream();
    }

    /**
     * The golden event of every type on the SLA topic for complaint {@link #ID}, plus the variants the goldens do not
     * show: a clock on the outside limit and a level 2 escalation that no limit caused.
     */
    static Map<String, ClosedLoopEvent> slaEvents(Instant at) {
        Map<String, ClosedLoopEvent> events = new LinkedHashMap<>();
        Arrays.stream(EventType.values()).filter(type -> type.topic().equals(Topics.ESCALATION_SLA))
                .forEach(type -> events.put(type.name(), golden(type, at)));
        events.put("OUTSIDE clock started", new ClockStarted(UUID.randomUUID(), at, ID, "t-1", "LIXIA-01",
                ClockKind.OUTSIDE, at.plus(Duration.ofDays(15)), 1, Duration.ofDays(15), TimeBasis.CALENDAR));
        events.put("level 2 for reopened twice", new TicketEscalated(UUID.randomUUID(), at, ID, "t-1", "LIXIA-01", 2,
                null, null, EscalationReason.REOPENED_TWICE));
        return events;
    }

    /** The golden event of this type, rewritten for complaint {@link #ID} with a fresh id and the given time. */
    private static ClosedLoopEvent golden(EventType type, Instant at) {
        try {
            ObjectNode json = (ObjectNode) GOLDEN_JSON.readTree(Golden.json(type));
            json.put("eventId", UUID.randomUUID().toString());
            json.put("complaintId", ID);
            json.put("occurredAt", at.toString());
            return EventJson.read(type, GOLDEN_JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Complaint in(ComplaintStatus status) {
        Complaint complaint = switch (status) {
            case REGISTERED -> registered(Channel.HOTLINE);
            case ASSIGNED -> {
                Complaint assigned = registered(Channel.HOTLINE);
                assigned.apply(assigned(), "ticket-router", later());
                yield assigned;
            }
            case RESOLVED -> resolved();
            case REOPENED, CLOSED -> {
                Complaint calledBack = resolved();
                calledBack.apply(callback(status == REOPENED ? CallbackOutcome.UNSATISFIED : CallbackOutcome.SATISFIED),
                        "notification-service", later());
                yield calledBack;
            }
        };
        assertThat(complaint.status()).isEqualTo(status);
        return complaint;
    }

    private Complaint registered(Channel channel) {
        return Complaint.register(ID, "TS-20261123-000001", new NewComplaint(channel, Category.BILLING,
                new Customer("Wang Fang", "13800138000"), "Lixia", "Charged twice"), "agent-017", NOW);
    }

    private Complaint resolved() {
        Complaint complaint = registered(Channel.HOTLINE);
        complaint.apply(assigned(), "ticket-router", later());
        complaint.apply(resolvedEvent(), "ticket-router", later());
        assertThat(complaint.status()).isEqualTo(RESOLVED);
        later();
        return complaint;
    }

    private TicketAssigned assigned() {
        return new TicketAssigned(UUID.randomUUID(), clock, ID, "t-1", "LIXIA-01", Category.BILLING, Priority.NORMAL,
                null);
    }

    private TicketResolved resolvedEvent() {
        return new TicketResolved(UUID.randomUUID(), clock, ID, "t-1", "LIXIA-01", "Refunded", "li.ming");
    }

    private CallbackCompleted callback(CallbackOutcome outcome) {
        return new CallbackCompleted(UUID.randomUUID(), clock, ID, "cb-1", "t-1", outcome, "Called", "agent-017");
    }

    private Instant later() {
        clock = clock.plus(Duration.ofMinutes(1));
        return clock;
    }

    private static List<ClosedLoopEvent> recorded(Complaint complaint) {
        return complaint.pendingEvents().stream()
                .map(event -> EventJson.read(EventType.byId(event.type()).orElseThrow(), event.payload()))
                .toList();
    }

    private static List<String> types(Complaint complaint) {
        return complaint.timeline().stream().map(TimelineEntry::type).toList();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
