package closedloop.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopOptionsUnitTests {

    private static final Path REPOSITORY = Path.of("/repo");

    @Test
    void theDefaultsAreTheFullRunIntoTheDocs() {
        LoopOptions options = LoopOptions.parse(new String[0], REPOSITORY);

        assertThat(options.steps()).startsWith(5.0, 10.0).endsWith(1000.0);
        assertThat(options.stepSeconds()).isEqualTo(60);
        assertThat(options.soakMinutes()).isEqualTo(10);
        assertThat(options.modes()).containsExactly("embedded", "split");
        assertThat(options.report()).isEqualTo(Path.of("/repo/docs/benchmarks/loop.md"));
    }

    @Test
    void eachOptionReplacesItsDefault() {
        LoopOptions options = LoopOptions.parse(new String[] {"--steps", "10,20", "--step-seconds", "15",
                "--soak-minutes", "0.5", "--modes", "split", "--report", "/tmp/x.md"}, REPOSITORY);

        assertThat(options.steps()).containsExactly(10.0, 20.0);
        assertThat(options.stepSeconds()).isEqualTo(15);
        assertThat(options.soakMinutes()).isEqualTo(0.5);
        assertThat(options.modes()).isEqualTo(List.of("split"));
        assertThat(options.report()).isEqualTo(Path.of("/tmp/x.md"));
    }

    @Test
    void anUnknownOptionOrModeIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> LoopOptions.parse(new String[] {"--rate", "5"}, REPOSITORY))
                .hasMessageContaining("Unknown option --rate").hasMessageContaining("Usage: ./bench-loop");
        assertThatThrownBy(() -> LoopOptions.parse(new String[] {"--modes", "cloud"}, REPOSITORY))
                .hasMessageContaining("--modes takes embedded and/or split");
    }
}
