package closedloop.escalation.league;

import closedloop.contracts.CallbackOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static closedloop.escalation.league.TicketFacts.h;
import static closedloop.escalation.league.TicketFacts.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The league's arithmetic from fact documents, against tables computed by hand. */
class LeagueTableUnitTests {

    /** Hours after T0 at which the table is judged: ten days on. */
    private static final double NOW = 240;

    @Test
    void computesEveryFigureOfSeveralBranchesAsWorkedOutByHand() {
        List<TicketFact> window = List.of(
                // NORTH: on time throughout; an extended ticket; two returns, one of them after the sign-for deadline
                ticket("n1", "NORTH", "c1").dispatched(0).deadlines(2, 24).accepted(1).resolved(20)
                        .callback(CallbackOutcome.SATISFIED).fact(),
                ticket("n2", "NORTH", "c2").dispatched(1).deadlines(3, 48).accepted(3).resolved(40)
                        .callback(CallbackOutcome.UNSATISFIED).reopened(41).fact(),
                ticket("n3", "NORTH", "c3").dispatched(2).deadlines(4, 26).returned(3).fact(),
                ticket("n4", "NORTH", "c3").dispatched(3).deadlines(5, 27).returned(6).fact(),
                // SOUTH: late sign-for and overdue; no deadlines known yet; still in time; transferred after the deadline
                ticket("s1", "SOUTH", "c4").dispatched(0).deadlines(2, 24).accepted(5).fact(),
                ticket("s2", "SOUTH", "c5").dispatched(1).accepted(2).resolved(10)
                        .callback(CallbackOutcome.UNREACHABLE).fact(),
                ticket("s3", "SOUTH", "c6").dispatched(2).deadlines(4, NOW + 24).accepted(3).fact(),
                ticket("s4", "SOUTH", "c6").dispatched(3).deadlines(4, 24).accepted(3.5).transferred(30).fact(),
                // the dispatch desk is no branch
                ticket("m1", "MANUAL", "c7").dispatched(1).deadlines(2, 24).fact(),
                // only another topic's events about it so far: not dispatched as far as the league knows
                ticket("x1", null, null).deadlines(2, 24).fact());
        List<TicketFact> heldFromBefore = List.of(
                ticket("n5", "NORTH", "c8").dispatched(-100).deadlines(-98, NOW - 1).accepted(-99).fact(),
                ticket("n6", "NORTH", "c9").dispatched(-100).deadlines(-98, NOW - 1).accepted(-99).paused(NOW - 2).fact(),
                ticket("e1", "EAST", "c10").dispatched(-50).deadlines(-48, NOW + 1).fact());
        Map<String, ComplaintFact> complaints = Map.of(
                "c1", new ComplaintFact("c1", h(0), true),
                "c2", new ComplaintFact("c2", h(1), false),
                "c4", new ComplaintFact("c4", h(0), false),
                "c5", new ComplaintFact("c5", h(1), true),
                "c6", new ComplaintFact("c6", h(2), false),
                "c7", new ComplaintFact("c7", h(1), true));

        List<BranchStanding> table = table(window, heldFromBefore, complaints);

        assertThat(table).containsExactly(
                new BranchStanding("NORTH", 4, Rate.of(2, 3), Rate.of(2, 2), Rate.of(1, 2), Rate.of(1, 2),
                        Rate.of(2, 4), Rate.of(1, 2), Rate.of(0, 0), 2, 1),
                new BranchStanding("SOUTH", 4, Rate.of(2, 3), Rate.of(0, 2), Rate.of(0, 0), Rate.of(0, 1),
                        Rate.of(0, 4), Rate.of(1, 3), Rate.of(0, 0), 2, 1),
                new BranchStanding("EAST", 0, Rate.of(0, 0), Rate.of(0, 0), Rate.of(0, 0), Rate.of(0, 0),
                        Rate.of(0, 0), Rate.of(0, 0), Rate.of(0, 0), 1, 0));
        assertThat(table.get(0).onTimeSignForRate().rate()).isEqualTo(0.6667);
        assertThat(table.get(0).returnRate().rate()).isEqualTo(0.5);
        assertThat(table.get(1).onTimeResolutionRate().rate()).isEqualTo(0.0);
        assertThat(table.get(1).satisfactionRate().rate()).isNull();
    }

    @Test
    void givesNoRateForNothingToCountRatherThanZeroOrNaN() {
        assertThat(Rate.of(0, 0)).isEqualTo(new Rate(null, 0, 0));
        assertThat(Rate.of(0, 3)).isEqualTo(new Rate(0.0, 0, 3));
        assertThat(Rate.of(1, 3)).isEqualTo(new Rate(0.3333, 1, 3));
        assertThat(Rate.of(3, 3)).isEqualTo(new Rate(1.0, 3, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.of(4, 3));
    }

    @Test
    void countsASignForOrResolutionExactlyAtItsDeadlineAsOnTime() {
        TicketFact justInTime = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).accepted(2).resolved(24).fact();
        TicketFact justLate = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).accepted(2.05).resolved(24.05).fact();

        assertThat(justInTime.signedForOnTime(h(NOW))).isTrue();
        assertThat(justInTime.resolvedOnTime(h(NOW))).isTrue();
        assertThat(justLate.signedForOnTime(h(NOW))).isFalse();
        assertThat(justLate.resolvedOnTime(h(NOW))).isFalse();
    }

    @Test
    void judgesAnOpenTicketLateOnlyOnceItsDeadlineIsBehindNow() {
        TicketFact open = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).fact();

        assertThat(open.signedForOnTime(h(2))).isNull();
        assertThat(open.signedForOnTime(h(2.1))).isFalse();
        assertThat(open.resolvedOnTime(h(24))).isNull();
        assertThat(open.isOverdue(h(24))).isFalse();
        assertThat(open.resolvedOnTime(h(24.1))).isFalse();
        assertThat(open.isOverdue(h(24.1))).isTrue();
    }

    @Test
    void leavesOutATicketPassedOnBeforeItsDeadlineButCountsOneHeldPastIt() {
        TicketFact returnedInTime = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).returned(1).fact();
        TicketFact returnedLate = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).returned(25).fact();

        assertThat(returnedInTime.signedForOnTime(h(NOW))).isNull();
        assertThat(returnedInTime.resolvedOnTime(h(NOW))).isNull();
        assertThat(returnedLate.signedForOnTime(h(NOW))).isFalse();
        assertThat(returnedLate.resolvedOnTime(h(NOW))).isFalse();
        assertThat(returnedLate.isOpen()).isFalse();
    }

    @Test
    void stopsTheOverdueCountWhileTheBranchWaitsOnTheCustomerSinceBeforeTheDeadline() {
        TicketFact waiting = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).accepted(1).paused(20).fact();
        TicketFact waitingAgain = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).accepted(1).paused(22)
                .resumed(21).fact();
        TicketFact resumed = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).accepted(1).paused(20)
                .resumed(21).fact();
        TicketFact waitingTooLate = ticket("t", "B", "c").dispatched(0).deadlines(2, 24).accepted(1).paused(30).fact();

        assertThat(waiting.isOverdue(h(NOW))).isFalse();
        assertThat(waiting.resolvedOnTime(h(NOW))).isNull();
        assertThat(waitingAgain.isOverdue(h(NOW))).isFalse();
        assertThat(resumed.isOverdue(h(NOW))).isTrue();
        assertThat(resumed.resolvedOnTime(h(NOW))).isFalse();
        assertThat(waitingTooLate.isOverdue(h(NOW))).isTrue();
    }

    @Test
    void ordersByOnTimeResolutionThenByName() {
        List<TicketFact> window = List.of(
                ticket("b1", "BETA", "c").dispatched(0).deadlines(2, 24).accepted(1).resolved(10).fact(),
                ticket("a1", "ALPHA", "c").dispatched(0).deadlines(2, 24).accepted(1).resolved(10).fact(),
                ticket("z1", "ZULU", "c").dispatched(0).deadlines(2, 24).accepted(1).resolved(30).fact(),
                ticket("z2", "ZULU", "c").dispatched(0).deadlines(2, 24).accepted(1).resolved(10).fact(),
                ticket("d1", "DELTA", "c").dispatched(0).fact());

        assertThat(table(window, List.of(), Map.of())).extracting(BranchStanding::branch)
                .containsExactly("ALPHA", "BETA", "ZULU", "DELTA");
    }

    private static List<BranchStanding> table(List<TicketFact> window, List<TicketFact> heldFromBefore,
                                              Map<String, ComplaintFact> complaints) {
        LeagueTable table = new LeagueTable(h(NOW), Set.of("MANUAL"));
        window.forEach(table::addDispatched);
        window.forEach(table::addOpen);
        heldFromBefore.forEach(table::addOpen);
        assertThat(table.complaintIds()).doesNotContain("c7");
        return table.standings(complaints);
    }

    @Test
    void countsPromisesKeptOnTimeOfTheWindowsComplaintsForTheBranchThatOwedThemLeavingOutWaivedAndOpenOnes() {
        LeagueTable table = new LeagueTable(h(NOW), Set.of("MANUAL"));
        table.addDispatched(ticket("n1", "NORTH", "c1").dispatched(0).deadlines(2, 24).fact());
        table.addObligation(new ObligationFact("c1-1", "c1", "NORTH", h(10), h(9), null, null));
        table.addObligation(new ObligationFact("c1-2", "c1", "NORTH", h(10), h(12), h(10), null));
        table.addObligation(new ObligationFact("c1-3", "c1", "NORTH", h(10), null, h(10), null));
        table.addObligation(new ObligationFact("c1-4", "c1", "NORTH", h(10), null, null, h(5)));
        table.addObligation(new ObligationFact("c1-5", "c1", "NORTH", h(NOW + 5), null, null, null));
        table.addObligation(new ObligationFact("c1-6", "c1", "MANUAL", h(10), h(9), null, null));

        BranchStanding north = table.standings(Map.of()).get(0);

        assertThat(north.branch()).isEqualTo("NORTH");
        assertThat(north.promisesKeptOnTimeRate()).isEqualTo(Rate.of(1, 3));
    }
}
