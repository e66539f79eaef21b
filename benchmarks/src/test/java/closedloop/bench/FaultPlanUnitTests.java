package closedloop.bench;

import closedloop.bench.FaultPlan.Fault;
import closedloop.bench.FaultPlan.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FaultPlanUnitTests {

    private static final Duration RUN = Duration.ofMinutes(10);

    @Test
    void hurtsEveryPartAsOftenAsAskedInTheMiddleOfTheRunInTimeOrder() {
        List<Fault> plan = FaultPlan.of(RUN, 3, 2, 1, Duration.ofSeconds(60), 42);

        Map<String, Long> kills = plan.stream().filter(fault -> fault.kind() == Kind.KILL)
                .collect(Collectors.groupingBy(Fault::part, Collectors.counting()));
        assertThat(kills).containsExactlyInAnyOrderEntriesOf(Map.of("complaint-intake", 3L, "ticket-router", 3L,
                "escalation-service", 3L, "notification-service", 3L, "kafka", 2L, "mongodb", 1L));
        assertThat(plan).filteredOn(fault -> fault.kind() == Kind.STOP)
                .containsExactly(plan.stream().filter(fault -> fault.kind() == Kind.STOP).findFirst().orElseThrow())
                .allSatisfy(stop -> {
                    assertThat(stop.part()).isEqualTo("mongodb");
                    assertThat(stop.duration()).isEqualTo(Duration.ofSeconds(60));
                });
        assertThat(plan).extracting(Fault::at).isSorted()
                .allSatisfy(at -> assertThat(at).isBetween(Duration.ofMinutes(1), Duration.ofMillis(450_000)));
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertThat(FaultPlan.of(RUN, 3, 2, 1, Duration.ofSeconds(60), 7))
                .isEqualTo(FaultPlan.of(RUN, 3, 2, 1, Duration.ofSeconds(60), 7))
                .isNotEqualTo(FaultPlan.of(RUN, 3, 2, 1, Duration.ofSeconds(60), 8));
    }

    @Test
    void noStopWhenItsTimeIsZero() {
        assertThat(FaultPlan.of(RUN, 1, 0, 0, Duration.ZERO, 1)).hasSize(4)
                .allSatisfy(fault -> assertThat(fault.kind()).isEqualTo(Kind.KILL));
    }
}
