package closedloop.bench;

import closedloop.bench.ChaosRun.Result;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run that is part of every build: the split-process stack on loopback, two and a half complaints a
 * second for 90 s driven around the loop, each service, the broker and the store killed once and the store stopped
 * for 20 s; afterwards every invariant holds and every part is back. The full run is {@code ./chaos} (ten minutes,
 * three kills of each service, two of the broker, the store stopped for a minute), whose report is committed.
 *
 * <p>90 s of load, not more: the seven faults are placed from 10 % to 75 % of the load (9 s to 67 s, a slot of 8 s
 * each), so every one still happens while complaints come, and the drain waits for the last part to be back; at 2.5 a
 * second 225 complaints, more than 200, still go round the loop. Each further second of load costs the build one.
 */
class ChaosRunIntegrationTests {

    @Test
    void losesNothingAndDuplicatesNothingWhileEveryPartIsKilledOnce() throws Exception {
        Path work = Path.of("target", "chaos-short");
        ChaosOptions options = new ChaosOptions(Duration.ofSeconds(90), 2.5, 1, 1, 1, Duration.ofSeconds(20), 5,
                Duration.ofSeconds(30), Duration.ofMinutes(6), "320m", 18, work, work.resolve("chaos.md"));

        Result result = ChaosRun.run(options);

        assertThat(result.faults()).hasSize(7).allSatisfy(fault -> assertThat(fault.failed())
                .as("%s %s", fault.fault().kind(), fault.fault().part()).isNull());
        assertThat(result.drainedAt()).as("the loop drained").isNotNull();
        assertThat(result.complaints()).hasSizeGreaterThan(200);
        assertThat(result.invariants()).allSatisfy(invariant -> assertThat(invariant.holds())
                .as("%s: %d of %d broken, e.g. %s", invariant.name(), invariant.breaches(), invariant.checked(),
                        invariant.broken()).isTrue());
        assertThat(Files.readString(work.resolve("chaos.md"))).contains("every invariant holds");
        assertThat(work.resolve("chaos-throughput.svg")).exists();
    }
}
