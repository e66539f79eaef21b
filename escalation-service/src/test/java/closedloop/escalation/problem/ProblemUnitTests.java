package closedloop.escalation.problem;

import closedloop.contracts.Category;
import closedloop.contracts.ComplaintLinkedToProblem;
import closedloop.contracts.CorrectiveActionOverdue;
import closedloop.contracts.CorrectiveActionWarned;
import closedloop.contracts.ProblemOpened;
import closedloop.contracts.ProblemPutOnAgenda;
import closedloop.contracts.ProblemSolved;
import closedloop.platform.domain.IllegalTransition;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The problem's own rules and the detector's window, without a store. */
class ProblemUnitTests {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final ProblemKind BILLING_IN_LIXIA = ProblemKind.of(Category.BILLING, "Lixia");

    @Test
    void aWatchCountsEachComplaintOnceWithinTheWindowUpToTheOneSeen() {
        ProblemWatch watch = ProblemWatch.of(BILLING_IN_LIXIA);
        Duration window = Duration.ofHours(2);

        assertThat(watch.sight(seen("c1", T0), window)).hasSize(1);
        assertThat(watch.sight(seen("c1", T0), window)).hasSize(1);
        assertThat(watch.sight(seen("c2", T0.plus(Duration.ofMinutes(90))), window)).hasSize(2);
        // c1 is more than two hours before c3, so it no longer counts
        assertThat(watch.sight(seen("c3", T0.plus(Duration.ofMinutes(130))), window))
                .extracting(Sighting::complaintId).containsExactly("c2", "c3");
        // a late event counts with the largest group it shares a two-hour window with, before or after it
        assertThat(watch.sight(seen("c4", T0.plus(Duration.ofMinutes(80))), window))
                .extracting(Sighting::complaintId).containsExactly("c1", "c4", "c2");
    }

    @Test
    void fiveComplaintsWithinTheWindowReachTheThresholdInWhateverOrderTheyArrive() {
        ProblemWatch watch = ProblemWatch.of(BILLING_IN_LIXIA);
        Duration window = Duration.ofHours(2);
        List<Sighting> counted = List.of();
        for (int minutes : new int[] {40, 0, 80, 20, 60}) {
            counted = watch.sight(seen("c" + minutes, T0.plus(Duration.ofMinutes(minutes))), window);
        }

        assertThat(counted).extracting(Sighting::complaintId).containsExactly("c0", "c20", "c40", "c60", "c80");
    }

    @Test
    void aProblemIsOpenedWithALinkForEachComplaintAndToldUnderItsFirstComplaint() {
        Problem problem = Problem.opened("PB-1", BILLING_IN_LIXIA, "Double charges",
                List.of(seen("c1", T0), seen("c2", T0)), null, T0);

        assertThat(events(problem)).hasSize(3);
        assertThat(events(problem).get(0)).isInstanceOfSatisfying(ProblemOpened.class,
                opened -> assertThat(opened.complaintId()).isEqualTo("c1"));
        assertThat(events(problem).subList(1, 3)).allSatisfy(event -> assertThat(event)
                .isInstanceOf(ComplaintLinkedToProblem.class));
        assertThat(problem.link(seen("c2", T0), "sup.liu", T0)).isFalse();
        assertThat(problem.link(seen("c3", T0), "sup.liu", T0)).isTrue();
        assertThat(problem.complaints()).extracting(LinkedComplaint::linkedBy).containsExactly(null, null, "sup.liu");
    }

    @Test
    void anActionWarnsThenGoesOverdueOntoTheAgendaOnceAndOneLookedAtLateIsToldOverdueOnly() {
        Problem problem = Problem.opened("PB-1", BILLING_IN_LIXIA, "Double charges", List.of(seen("c1", T0)),
                "sup.liu", T0);
        CorrectiveAction a1 = problem.plan("Fix the rule", "LIXIA-01", T0.plus(Duration.ofHours(4)),
                T0.plus(Duration.ofHours(3)), "sup.liu", T0);
        CorrectiveAction a2 = problem.plan("Refund all", "LIXIA-01", T0.plus(Duration.ofHours(2)),
                T0.plus(Duration.ofHours(1)), "sup.liu", T0);
        assertThat(problem.nextCheckAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

        assertThat(problem.lookAtClocks(T0.plus(Duration.ofMinutes(30)))).isFalse();
        assertThat(problem.lookAtClocks(T0.plus(Duration.ofMinutes(190)))).isTrue();

        assertThat(a1.status()).isEqualTo(ActionStatus.WARNED);
        assertThat(a2.status()).isEqualTo(ActionStatus.OVERDUE);
        assertThat(events(problem)).filteredOn(CorrectiveActionWarned.class::isInstance).hasSize(1);
        assertThat(events(problem)).filteredOn(CorrectiveActionOverdue.class::isInstance).hasSize(1);
        assertThat(events(problem)).filteredOn(ProblemPutOnAgenda.class::isInstance).hasSize(1);
        assertThat(problem.agenda().by()).isNull();
        assertThat(problem.nextCheckAt()).isEqualTo(a1.dueAt());

        problem.lookAtClocks(T0.plus(Duration.ofHours(5)));
        assertThat(events(problem)).filteredOn(ProblemPutOnAgenda.class::isInstance).hasSize(1);
        assertThat(problem.nextCheckAt()).isNull();
    }

    @Test
    void closesOnlyWithEveryActionDoneAndTellsEachComplaint() {
        Problem problem = Problem.opened("PB-1", BILLING_IN_LIXIA, "Double charges",
                List.of(seen("c1", T0), seen("c2", T0)), "sup.liu", T0);
        CorrectiveAction action = problem.plan("Fix the rule", "LIXIA-01", T0.plus(Duration.ofDays(1)),
                T0.plus(Duration.ofHours(18)), "sup.liu", T0);

        assertThatThrownBy(() -> problem.close("Fixed", true, "sup.liu", T0))
                .isInstanceOf(Problem.ActionsStillPending.class).hasMessageContaining(action.id());
        problem.done(action, "Rule corrected", "li.ming", T0);
        assertThatThrownBy(() -> problem.done(action, "again", "li.ming", T0)).isInstanceOf(IllegalTransition.class);
        problem.close("Fixed", true, "sup.liu", T0);

        assertThat(problem.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(events(problem)).filteredOn(ProblemSolved.class::isInstance)
                .extracting(event -> ((ProblemSolved) event).complaintId()).containsExactly("c1", "c2");
        assertThatThrownBy(() -> problem.link(seen("c3", T0), "sup.liu", T0)).isInstanceOf(IllegalTransition.class);
    }

    private static Sighting seen(String complaintId, Instant at) {
        return new Sighting(complaintId, "TS-" + complaintId, at, at);
    }

    private static List<Object> events(Problem problem) {
        return problem.pendingEvents().stream()
                .map(event -> (Object) EventJson.read(EventType.byId(event.type()).orElseThrow(), event.payload()))
                .toList();
    }
}
