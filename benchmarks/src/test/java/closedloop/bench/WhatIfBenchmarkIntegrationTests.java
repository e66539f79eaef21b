package closedloop.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./bench-what-if} at a small size on the embedded store: it stores the histories, replays them, finds the
 * replay under the policy in force equal to what happened, and writes its report with the raw baselines beside.
 */
class WhatIfBenchmarkIntegrationTests {

    @Test
    void replaysASmallWindowAndReportsItBesideTheRawStore(@TempDir Path work) throws Exception {
        Path report = work.resolve("what-if.md");
        WhatIfOptions options = WhatIfOptions.parse(new String[] {"--complaints", "2000", "--runs", "1",
                "--report", report.toString()}, work);

        new WhatIfBenchmark(options).run(work.resolve("run"));

        String written = Files.readString(report);
        assertThat(written).contains("# Benchmark: a policy what-if over 2,000 complaints",
                "| complaints replayed / tickets | 2,000 / ", "(every row equal)",
                "| raw driver: the same reads", "| the replay alone, histories in memory");
        assertThat(written).containsPattern("under the draft: tickets warned / level 1 / level 2 \\| [1-9]");
    }

    @Test
    void theDefaultsAreTheIssuesHundredThousandIntoTheDocs() {
        WhatIfOptions options = WhatIfOptions.parse(new String[0], Path.of("/repo"));

        assertThat(options).isEqualTo(new WhatIfOptions(100_000, 3, 0, Path.of("/repo/docs/benchmarks/what-if.md")));
        assertThat(options.command()).isEqualTo("./bench-what-if --complaints 100000 --runs 3");
    }
}
