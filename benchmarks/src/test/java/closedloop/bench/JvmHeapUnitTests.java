package closedloop.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JvmHeapUnitTests {

    @Test
    void addsTheUsedSurvivorsEdenAndOldGenerationOfJstatGc() {
        String jstat = """
                    S0C         S1C         S0U         S1U          EC           EU           OC           OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT       GCT
                       0.0     4096.0        0.0     1024.0     51200.0      20480.0     202752.0     81920.0    60000.0    58000.0    8000.0    7500.0     12     0.100     0     0.000     4     0.010     0.110
                """;

        assertThat(JvmHeap.parse(jstat)).isCloseTo((1024 + 20480 + 81920) / 1024.0, within(0.001));
    }

    @Test
    void givesZeroWhenJstatSaysNothingUseful() {
        assertThat(JvmHeap.parse("12345 not found")).isZero();
    }

    @Test
    void readsTheHeapOfThisVeryJvm() {
        assertThat(JvmHeap.usedMegabytes(ProcessHandle.current().pid())).isPositive();
    }
}
