package closedloop.escalation.sla;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClockBoardMetricsUnitTests {

    private final ClockBoard board = new ClockBoard();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void gaugesTheCasesOnTheBoard() {
        new ClockBoardMetrics(board).bindTo(registry);
        board.own(0);
        board.schedule(UUID.randomUUID().toString(), 0, 1_000L);
        board.schedule(UUID.randomUUID().toString(), 0, 2_000L);
        board.schedule(UUID.randomUUID().toString(), 1, 3_000L);

        assertThat(entries()).isEqualTo(2);

        board.takeDue(1_500L, 10);

        assertThat(entries()).isEqualTo(1);
    }

    private double entries() {
        return registry.get(ClockBoardMetrics.ENTRIES).gauge().value();
    }
}
