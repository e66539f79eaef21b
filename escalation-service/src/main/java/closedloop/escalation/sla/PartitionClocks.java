package closedloop.escalation.sla;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Collection;

/**
 * Hands the clocks over with the partitions of router.ticket (docs/architecture.md §9.6): when this instance is assigned
 * partitions, the cases of those partitions that have something due are streamed onto the clock board (id, partition
 * and due instant only) before any of their records is processed; when partitions are revoked, their entries are
 * dropped.
 */
@Service
@RequiredArgsConstructor
public class PartitionClocks {

    private static final Logger log = LoggerFactory.getLogger(PartitionClocks.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

    private final SlaCases cases;
    private final ClockBoard board;
    private final Timekeeper timekeeper;

    /** Loads the due cases of newly assigned partitions onto the board; blocks until they are there. */
    public void assigned(Collection<Integer> partitions) {
        for (int partition : partitions) {
            board.own(partition);
        }
        if (partitions.isEmpty()) {
            return;
        }
        Long loaded = cases.dueOnPartitions(partitions)
                .doOnNext(due -> board.schedule(due.id(), due.partition(), Timekeeper.epochMillis(due.nextDueAt())))
                .count()
                .block(LOAD_TIMEOUT);
        log.info("Partitions {} of router.ticket assigned: {} cases with clocks loaded", partitions, loaded);
        timekeeper.nudge();
    }

    /** Drops the entries of revoked partitions; their new owner loads them. */
    public void revoked(Collection<Integer> partitions) {
        int dropped = partitions.stream().mapToInt(board::dropPartition).sum();
        log.info("Partitions {} of router.ticket revoked: {} cases with clocks handed over", partitions, dropped);
    }
}
