package closedloop.escalation.sla;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Publishes how many cases are on this instance's {@link ClockBoard} as the gauge
 * {@value #ENTRIES} ({@code closedloop_sla_board_entries} on {@code /actuator/prometheus}): after a partition
 * assignment it reaches the number of the owned partitions' cases with something due.
 */
@Component
@RequiredArgsConstructor
class ClockBoardMetrics implements MeterBinder {

    static final String ENTRIES = "closedloop.sla.board.entries";

    private final ClockBoard board;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(ENTRIES, board, ClockBoard::size)
                .description("Cases on this instance's clock board: something due, on a partition it owns")
                .register(registry);
    }
}
