package closedloop.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrowthOptionsUnitTests {

    private static final Path REPOSITORY = Path.of("/repo");

    @Test
    void theDefaultsAreTheIssuesMillionIntoTheDocs() {
        GrowthOptions options = GrowthOptions.parse(new String[0], REPOSITORY);

        assertThat(options.complaints()).isEqualTo(1_000_000);
        assertThat(options.rate()).isEqualTo(5);
        assertThat(options.seconds()).isEqualTo(120);
        assertThat(options.report()).isEqualTo(Path.of("/repo/docs/benchmarks/loop-growth.md"));
    }

    @Test
    void eachOptionReplacesItsDefault() {
        GrowthOptions options = GrowthOptions.parse(new String[] {"--complaints", "20000", "--rate", "8",
                "--seconds", "20", "--heap", "3g", "--raw-writes", "50", "--report", "/tmp/g.md"}, REPOSITORY);

        assertThat(options).isEqualTo(new GrowthOptions(20_000, 8, 20, "3g", 50, Path.of("/tmp/g.md")));
    }

    @Test
    void anUnknownOptionOrANonPositiveCountIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> GrowthOptions.parse(new String[] {"--steps", "5"}, REPOSITORY))
                .hasMessageContaining("Unknown option --steps").hasMessageContaining("Usage");
        assertThatThrownBy(() -> GrowthOptions.parse(new String[] {"--complaints", "0"}, REPOSITORY))
                .hasMessageContaining("must be positive");
    }
}
