package closedloop.bench;

import closedloop.bench.GatlingRun.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoopStepUnitTests {

    @Test
    void aStepIsSustainableOnlyWithinBothLatencyGoalsWithNoErrorAndDrainedSoon() {
        assertThat(step(40, 200, 0, 2).sustainable()).isTrue();
        assertThat(step(51, 200, 0, 2).sustainable()).isFalse();
        assertThat(step(40, 251, 0, 2).sustainable()).isFalse();
        assertThat(step(40, 200, 1, 2).sustainable()).isFalse();
        assertThat(step(40, 200, 0, 11).sustainable()).isFalse();
        assertThat(step(40, 200, 0, -1).sustainable()).isFalse();
    }

    @Test
    void aStepKeepsUpWhateverItsLatencyAndSaturatesWhenItCannotDrain() {
        assertThat(step(900, 5_000, 0, 3).keptUp()).isTrue();
        assertThat(step(900, 5_000, 0, 3).sustainable()).isFalse();
        assertThat(step(900, 5_000, 0, -1).saturated()).isTrue();
        assertThat(step(40, 200, 0, 30).saturated()).isFalse();
    }

    @Test
    void toTicketCountsFromThePostsSendToTheTicketAndLeavesOutFailuresAndMissingTickets() {
        Map<String, Long> tickets = Map.of("a", 1_250L, "b", 2_000L);
        List<Answer> answers = List.of(new Answer(1_000, 30, 201, "a"), new Answer(1_500, 40, 201, "b"),
                new Answer(1_600, 35, 201, "c"), new Answer(1_700, 20, 500, null));

        assertThat(LoopStep.since(answers, tickets::get)).isEqualTo(Percentiles.of(List.of(250L, 500L)));
        assertThat(LoopStep.notSeen(answers, tickets::get)).isEqualTo(1);
        assertThat(LoopStep.errors(answers)).isEqualTo(1);
        assertThat(LoopStep.postLatencies(answers)).isEqualTo(Percentiles.of(List.of(30L, 40L, 35L)));
    }

    @Test
    void perComplaintIsTheDifferenceOfTheCountersOverTheComplaints() {
        Map<String, Map<String, Double>> per = LoopStep.perComplaint(
                Map.of("db.a", Map.of("insert", 10L, "update", 4L), "db.idle", Map.of("insert", 3L)),
                Map.of("db.a", Map.of("insert", 30L, "update", 44L), "db.idle", Map.of("insert", 3L)), 20);

        assertThat(per).containsOnlyKeys("db.a");
        assertThat(per.get("db.a")).containsEntry("insert", 1.0).containsEntry("update", 2.0);
    }

    private static LoopStep step(long postP99, long ticketP99, long errors, double drainSeconds) {
        return new LoopStep(50, 60, 50, new Percentiles(3000, 10, 20, postP99, postP99 + 5), errors,
                new Percentiles(3000, 100, 150, ticketP99, ticketP99 + 5), new Percentiles(3000, 1, 1, 1, 1), 0, 0, 0,
                drainSeconds, 1, 100, 50, 8, Map.of(), 60);
    }

}
