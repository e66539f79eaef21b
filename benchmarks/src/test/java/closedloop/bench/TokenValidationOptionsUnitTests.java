package closedloop.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenValidationOptionsUnitTests {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsToAFewMinutesOfLoadWithTheReportUnderDocs() {
        TokenValidationOptions options = TokenValidationOptions.parse(new String[0], ROOT);

        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.warmUp()).isEqualTo(10);
        assertThat(options.seconds()).isEqualTo(20);
        assertThat(options.rate()).isNull();
        assertThat(options.decodes()).isEqualTo(20_000);
        assertThat(options.unknownKeyDecodes()).isEqualTo(500);
        assertThat(options.raw()).isEqualTo(2_000);
        assertThat(options.report()).isEqualTo(ROOT.resolve("docs/benchmarks/token-validation.md"));
        assertThat(options.workDir()).isEqualTo(ROOT.resolve("benchmarks/target/token-validation"));
        assertThat(options.command()).isEqualTo("./bench-token-validation");
    }

    @Test
    void runsTheOpenLoopsAtHalfTheClosedLoopsThroughputUnlessARateIsGiven() {
        TokenValidationOptions byDefault = TokenValidationOptions.parse(new String[0], ROOT);
        TokenValidationOptions given = TokenValidationOptions.parse(new String[] {"--rate", "50"}, ROOT);

        assertThat(byDefault.openRate(37.4)).isEqualTo(19);
        assertThat(byDefault.openRate(0.4)).isEqualTo(1);
        assertThat(given.openRate(37.4)).isEqualTo(50);
    }

    @Test
    void keepsTheCommandAsTypedForTheReport() {
        TokenValidationOptions options = TokenValidationOptions.parse(
                new String[] {"--clients", "8", "--warm-up", "3", "--seconds", "1_000"}, ROOT);

        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.seconds()).isEqualTo(1000);
        assertThat(options.command()).isEqualTo("./bench-token-validation --clients 8 --warm-up 3 --seconds 1_000");
    }

    @Test
    void answersHelpAndRefusesWhatItDoesNotKnow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TokenValidationOptions.parse(new String[] {"--help"}, ROOT))
                .withMessageContaining("--decodes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TokenValidationOptions.parse(new String[] {"--clocks", "5"}, ROOT))
                .withMessageStartingWith("Unknown option --clocks");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TokenValidationOptions.parse(new String[] {"--clients", "0"}, ROOT))
                .withMessage("--clients must be positive, not 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TokenValidationOptions.parse(new String[] {"--seconds"}, ROOT))
                .withMessageStartingWith("No value for --seconds");
    }
}
