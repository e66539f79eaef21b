package closedloop.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesUnitTests {

    @Test
    void takesTheNearestRankOfEachPercentile() {
        List<Long> values = LongStream.rangeClosed(1, 200).map(i -> 201 - i).boxed().toList();

        assertThat(Percentiles.of(values)).isEqualTo(new Percentiles(200, 100, 190, 198, 200));
    }

    @Test
    void givesMinusOneForEachPercentileOfNothing() {
        assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles(0, -1, -1, -1, -1));
    }
}
