package closedloop.escalation.sla;

import closedloop.contracts.Category;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaClockUnitTests {

    private static final Instant DISPATCHED = Instant.parse("2026-11-23T01:00:00Z");
    private static final Duration LIMIT = Duration.ofHours(24);
    private static final Instant DEADLINE = DISPATCHED.plus(LIMIT);

    private final TicketAssigned assigned = new TicketAssigned(UUID.randomUUID(), DISPATCHED, "complaint-1",
            "ticket-1", "LIXIA-01", Category.BILLING, Priority.NORMAL, null);

    @Test
    void startsRunningFromTheDispatchUntilTheLimitAndRecordsClockStarted() {
        SlaClock clock = SlaClock.startResolve(assigned, LIMIT);

        assertThat(clock.id()).isEqualTo("ticket-1/RESOLVE");
        assertThat(clock.state()).isEqualTo(ClockState.RUNNING);
        assertThat(clock.startedAt()).isEqualTo(DISPATCHED);
        assertThat(clock.deadline()).isEqualTo(DEADLINE);
        assertThat(clock.pendingEvents()).extracting(OutgoingEvent::type).containsExactly(EventType.CLOCK_STARTED.id());
        ClockStarted started = (ClockStarted) event(clock.pendingEvents().get(0));
        assertThat(started).isEqualTo(new ClockStarted(EventIds.derived(assigned.eventId(), "start-resolve-clock"),
                DISPATCHED, "complaint-1", "ticket-1", "LIXIA-01", ClockKind.RESOLVE, DEADLINE));
        Golden.assertSameShape(started);
    }

    @Test
    void recordsTheSameEventIdWhenTheSameAssignmentStartsItAgain() {
        assertThat(SlaClock.startResolve(assigned, LIMIT).pendingEvents())
                .isEqualTo(SlaClock.startResolve(assigned, LIMIT).pendingEvents());
    }

    @Test
    void keepsInstantsToTheMillisecondAsMongoDbStoresThem() {
        TicketAssigned precise = new TicketAssigned(UUID.randomUUID(), DISPATCHED.plusNanos(123_456_789),
                "complaint-1", "ticket-1", "LIXIA-01", Category.BILLING, Priority.NORMAL, null);

        assertThat(SlaClock.startResolve(precise, LIMIT).deadline()).isEqualTo(DEADLINE.plusMillis(123));
    }

    @Test
    void isDueFromItsDeadlineOn() {
        SlaClock clock = SlaClock.startResolve(assigned, LIMIT);

        assertThat(clock.isDue(DEADLINE.minusMillis(1))).isFalse();
        assertThat(clock.isDue(DEADLINE)).isTrue();
        assertThat(clock.isDue(DEADLINE.plusSeconds(3600))).isTrue();
    }

    @Test
    void escalatesToSupervisionOnceDueAndRecordsTicketEscalated() {
        SlaClock clock = SlaClock.startResolve(assigned, LIMIT);
        Instant now = DEADLINE.plusSeconds(5);

        clock.escalate(now);

        assertThat(clock.state()).isEqualTo(ClockState.ESCALATED);
        assertThat(clock.level()).isEqualTo(1);
        assertThat(clock.escalatedAt()).isEqualTo(now);
        assertThat(clock.isDue(now)).isFalse();
        assertThat(clock.pendingEvents()).extracting(OutgoingEvent::type)
                .containsExactly(EventType.CLOCK_STARTED.id(), EventType.TICKET_ESCALATED.id());
        TicketEscalated escalated = (TicketEscalated) event(clock.pendingEvents().get(1));
        assertThat(escalated).isEqualTo(new TicketEscalated(EventIds.derived("ticket-1", "RESOLVE/level-1"), now,
                "complaint-1", "ticket-1", "LIXIA-01", 1, ClockKind.RESOLVE, DEADLINE));
        Golden.assertSameShape(escalated);
    }

    @Test
    void refusesToEscalateBeforeTheDeadline() {
        SlaClock clock = SlaClock.startResolve(assigned, LIMIT);

        assertThatThrownBy(() -> clock.escalate(DEADLINE.minusSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThat(clock.state()).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void refusesToEscalateTwice() {
        SlaClock clock = SlaClock.startResolve(assigned, LIMIT);
        clock.escalate(DEADLINE);

        assertThatThrownBy(() -> clock.escalate(DEADLINE.plusSeconds(60))).isInstanceOf(IllegalStateException.class);
        assertThat(clock.pendingEvents()).hasSize(2);
    }

    @Test
    void stopsWhenResolvedInTimeAndThenNeverFires() {
        SlaClock clock = SlaClock.startResolve(assigned, LIMIT);
        Instant resolvedAt = DISPATCHED.plusSeconds(3600);

        clock.stop(resolvedAt);

        assertThat(clock.state()).isEqualTo(ClockState.STOPPED);
        assertThat(clock.stoppedAt()).isEqualTo(resolvedAt);
        assertThat(clock.isRunning()).isFalse();
        assertThat(clock.isDue(DEADLINE.plusSeconds(3600))).isFalse();
        assertThatThrownBy(() -> clock.escalate(DEADLINE)).isInstanceOf(IllegalStateException.class);
        assertThat(clock.pendingEvents()).hasSize(1);
    }

    @Test
    void refusesToStopAClockThatIsNoLongerRunning() {
        SlaClock escalated = SlaClock.startResolve(assigned, LIMIT);
        escalated.escalate(DEADLINE);
        SlaClock stopped = SlaClock.startResolve(assigned, LIMIT);
        stopped.stop(DISPATCHED);

        assertThatThrownBy(() -> escalated.stop(DEADLINE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stopped.stop(DEADLINE)).isInstanceOf(IllegalStateException.class);
    }

    private static Object event(OutgoingEvent outgoing) {
        return closedloop.contracts.EventJson.read(EventType.byId(outgoing.type()).orElseThrow(), outgoing.payload());
    }
}
