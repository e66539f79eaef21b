package closedloop.bench;

import closedloop.bench.ChaosRun.Result;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run that is part of every build: the split-process stack on loopback, two complaints a second for
 * two minutes driven around the loop, each service, the broker and the store killed once and the store stopped for
 * 20 s; afterwards every invariant holds and every part is back. The full run is {@code ./chaos} (ten minutes, three
 * kills of each service, two of the broker, the store stopped for a minute), whose report is committed.
 */
class ChaosRunIntegrationTests {

    @Test
    void losesNothingAndDuplicatesNothingWhileEveryPartIsKilledOnce() throws Exception {
        Path work = Path.of("target", "chaos-short");
        ChaosOptions options = new ChaosOptions(Duration.ofMinutes(2), 2, 1, 1, 1, Duration.ofSeconds(20), 5,
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
