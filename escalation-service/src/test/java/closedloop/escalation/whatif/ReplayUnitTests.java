package closedloop.escalation.whatif;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ExtensionRequested;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketEvent;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketWarned;
import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.calendar.BusinessCalendars;
import closedloop.escalation.policy.Limit;
import closedloop.escalation.policy.LimitSet;
import closedloop.escalation.policy.SlaProperties;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.escalation.policy.WorkingTime;
import closedloop.escalation.sla.Deadlines;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Replaying one complaint's recorded history under a policy, on the real 2026 calendar of mainland China. */
class ReplayUnitTests {

    private static final BusinessCalendar CALENDAR = BusinessCalendars.fromClasspath("CN");
    private static final Replay REPLAY = new Replay(new Deadlines(new WorkingTime(CALENDAR), CALENDAR));
    private static final TimeLimitPolicy DEFAULTS = TimeLimitPolicy.fromSettings(1, Instant.EPOCH,
            SlaProperties.DEFAULTS);
    /** Monday 2026-11-23 09:00 in Beijing. */
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final String COMPLAINT = "complaint-1";

    private final TicketAssigned assigned = new TicketAssigned(UUID.randomUUID(), T0, COMPLAINT, "t1", "LIXIA-01",
            Category.BILLING, Priority.NORMAL, null, AssignmentReason.ROUTED, Channel.HOTLINE, T0);

    @Test
    void firesWhatFellDueByTheHorizonUnderTheDefaults() {
        Rungs rungs = REPLAY.under(DEFAULTS, COMPLAINT, List.of(assigned), T0.plus(Duration.ofHours(5)));

        // sign-for 2 h (warned at 90 min, level 1 at 2 h); first contact 4 h (warned at 3 h, level 1 at 4 h)
        assertThat(rungs).isEqualTo(new Rungs(Set.of("t1"), Set.of("t1"), Set.of()));
    }

    @Test
    void firesNothingThatFallsDueAfterTheHorizon() {
        Rungs rungs = REPLAY.under(DEFAULTS, COMPLAINT, List.of(assigned), T0.plus(Duration.ofMinutes(89)));

        assertThat(rungs.warned()).isEmpty();
        assertThat(rungs.level1()).isEmpty();
    }

    @Test
    void aLongerDraftLimitSparesATicketThatWasSignedForLate() {
        List<TicketEvent> history = List.of(assigned, accepted(T0.plus(Duration.ofMinutes(150))),
                contacted(T0.plus(Duration.ofMinutes(160))));
        Instant horizon = T0.plus(Duration.ofHours(6));

        Rungs underDefaults = REPLAY.under(DEFAULTS, COMPLAINT, history, horizon);
        Rungs underDraft = REPLAY.under(billingSignFor(Duration.ofHours(4)), COMPLAINT, history, horizon);

        assertThat(underDefaults.level1()).containsExactly("t1");
        assertThat(underDraft.warned()).isEmpty();
        assertThat(underDraft.level1()).isEmpty();
    }

    @Test
    void aShorterDraftLimitEscalatesATicketThatWasOnTime() {
        List<TicketEvent> history = List.of(assigned, accepted(T0.plus(Duration.ofMinutes(45))),
                contacted(T0.plus(Duration.ofMinutes(50))), resolved(T0.plus(Duration.ofHours(3))));

        Rungs underDefaults = REPLAY.under(DEFAULTS, COMPLAINT, history, T0.plus(Duration.ofDays(3)));
        Rungs underDraft = REPLAY.under(billingSignFor(Duration.ofMinutes(40)), COMPLAINT, history,
                T0.plus(Duration.ofDays(3)));

        assertThat(underDefaults).isEqualTo(new Rungs(Set.of(), Set.of(), Set.of()));
        assertThat(underDraft.warned()).containsExactly("t1");
        assertThat(underDraft.level1()).containsExactly("t1");
    }

    @Test
    void approvesARecordedExtensionAgainSoItsDeadlineMovesInTheReplayToo() {
        Instant requestedDeadline = T0.plus(Duration.ofHours(48));
        ExtensionRequested requested = new ExtensionRequested(UUID.randomUUID(), T0.plus(Duration.ofHours(1)),
                COMPLAINT, "t1", "LIXIA-01", "parts on order", requestedDeadline, "li.ming");
        ExtensionApproved approved = new ExtensionApproved(UUID.randomUUID(), T0.plus(Duration.ofHours(2)),
                COMPLAINT, "t1", "LIXIA-01", requested.eventId().toString(), T0.plus(Duration.ofHours(24)),
                requestedDeadline, "chen.jing");
        List<TicketEvent> signedFor = List.of(assigned, accepted(T0.plus(Duration.ofMinutes(30))),
                contacted(T0.plus(Duration.ofMinutes(40))), requested);
        Instant horizon = T0.plus(Duration.ofHours(30));

        Rungs withoutApproval = REPLAY.under(DEFAULTS, COMPLAINT, signedFor, horizon);
        Rungs withApproval = REPLAY.under(DEFAULTS, COMPLAINT, concat(signedFor, approved), horizon);

        assertThat(withoutApproval.level1()).containsExactly("t1");
        assertThat(withApproval.level1()).isEmpty();
    }

    @Test
    void readsTheRecordedRungsOfEveryTicket() {
        TicketWarned warned = new TicketWarned(UUID.randomUUID(), T0, COMPLAINT, "t1", "LIXIA-01", ClockKind.SIGN_FOR,
                T0);
        TicketEscalated level1 = new TicketEscalated(UUID.randomUUID(), T0, COMPLAINT, "t2", "LIXIA-01", 1,
                ClockKind.RESOLVE, T0);
        TicketEscalated level2 = new TicketEscalated(UUID.randomUUID(), T0, COMPLAINT, "t2", "LIXIA-01", 2,
                ClockKind.RESOLVE, T0, null);

        assertThat(Rungs.of(List.of(assigned, warned, level1, level2, warned))).isEqualTo(new Rungs(
                Set.of("t1"), Set.of("t2"), Set.of("t2")));
    }

    private static TimeLimitPolicy billingSignFor(Duration signFor) {
        List<TimeLimitPolicy.Rule> rules = DEFAULTS.rules().stream()
                .map(rule -> rule.category() == Category.BILLING && rule.priority() == Priority.NORMAL
                        ? new TimeLimitPolicy.Rule(rule.category(), rule.priority(), new LimitSet(
                        Limit.calendar(signFor), rule.limits().firstContact(), rule.limits().resolve()))
                        : rule)
                .toList();
        return new TimeLimitPolicy(0, T0, T0, "chen.jing", "draft", rules, DEFAULTS.outside());
    }

    private static TicketAccepted accepted(Instant at) {
        return new TicketAccepted(UUID.randomUUID(), at, COMPLAINT, "t1", "LIXIA-01", "li.ming");
    }

    private static FirstContactRecorded contacted(Instant at) {
        return new FirstContactRecorded(UUID.randomUUID(), at, COMPLAINT, "t1", "LIXIA-01", at,
                ContactMethod.PHONE, "Explained the bill", "li.ming");
    }

    private static TicketResolved resolved(Instant at) {
        return new TicketResolved(UUID.randomUUID(), at, COMPLAINT, "t1", "LIXIA-01", "Refunded", "li.ming", null,
                null);
    }

    private static List<TicketEvent> concat(List<TicketEvent> events, TicketEvent last) {
        List<TicketEvent> all = new ArrayList<>(events);
        all.add(last);
        return all;
    }
}
