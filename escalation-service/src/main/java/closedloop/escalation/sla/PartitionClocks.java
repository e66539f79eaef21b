package closedloop.escalation.sla;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the clocks over with the partitions of router.ticket (docs/architecture.md §9.6): when this instance is assigned
 * partitions, the cases of those partitions that have something due are streamed onto the clock board (id, partition
 * and due instant only); when partitions are revoked, their entries are dropped.
 * <p>
 * A load that fails (the store away or timing out) is tried again, from 200 ms doubling up to 30 s, for as long as
 * it fails and the instance owns any of its partitions; meanwhile the partitions are {@link #loading()}, and the
 * service is not ready ({@link ClocksHealthIndicator}). The load does not hold up the partitions' records: an entry it
 * puts on the board never replaces an earlier one the listener or the firing loop put there meanwhile
 * ({@link ClockBoard#scheduleKeepingEarlier}), so the board keeps its invariant (an entry never later than its case's
 * next due instant) whichever comes first.
 */
@Service
@RequiredArgsConstructor
public class PartitionClocks {

    private static final Logger log = LoggerFactory.getLogger(PartitionClocks.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final SlaCases cases;
    private final ClockBoard board;
    private final Timekeeper timekeeper;
    /** The partitions whose load has not completed, each with the load it waits for. */
    private final Map<Integer, Object> loading = new ConcurrentHashMap<>();

    /** Starts loading the due cases of newly assigned partitions onto the board. */
    public void assigned(Collection<Integer> partitions) {
        for (int partition : partitions) {
            board.own(partition);
        }
        if (partitions.isEmpty()) {
            return;
        }
        List<Integer> assigned = List.copyOf(partitions);
        Object load = new Object();
        assigned.forEach(partition -> loading.put(partition, load));
        cases.dueOnPartitions(assigned)
                .doOnNext(due -> board.scheduleKeepingEarlier(due.id(), due.partition(),
                        Timekeeper.epochMillis(due.nextDueAt())))
                .count()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(LONGEST_RETRY)
                        .filter(failure -> stillLoading(assigned, load))
                        .doBeforeRetry(retry -> log.warn("Could not load the clocks of partitions {} of router.ticket"
                                        + " (attempt {}); trying again: {}", assigned, retry.totalRetries() + 1,
                                retry.failure().toString())))
                .subscribe(loaded -> {
                    assigned.forEach(partition -> loading.remove(partition, load));
                    log.info("Partitions {} of router.ticket assigned: {} cases with clocks loaded", assigned, loaded);
                    timekeeper.nudge();
                }, failure -> log.info("Stopped loading the clocks of partitions {}, no longer this instance's: {}",
                        assigned, failure.toString()));
    }

    /** Drops the entries of revoked partitions; their new owner loads them. */
    public void revoked(Collection<Integer> partitions) {
        partitions.forEach(loading::remove);
        int dropped = partitions.stream().mapToInt(board::dropPartition).sum();
        log.info("Partitions {} of router.ticket revoked: {} cases with clocks handed over", partitions, dropped);
    }

    /** The partitions this instance owns whose clocks are not loaded yet. */
    public Set<Integer> loading() {
        return new TreeSet<>(loading.keySet());
    }

    private boolean stillLoading(List<Integer> partitions, Object load) {
        return partitions.stream().anyMatch(partition -> loading.get(partition) == load);
    }
}
