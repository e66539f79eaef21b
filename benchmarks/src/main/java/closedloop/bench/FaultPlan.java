package closedloop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * When the chaos run hurts which part, and how: every fault in one list, in a random order (from a seed, so a run can
 * be repeated), spread over the middle of the run (from 10 % to 75 % of it, one slot each, at a random place in its
 * slot) so that the loop is running before the first fault and has time to show its recovery after the last.
 */
final class FaultPlan {

    /** What is done to a part. */
    enum Kind {
        /** SIGKILL, then started again at once on the same data and ports. */
        KILL,
        /** SIGSTOP for a while, then SIGCONT: the process and its connections stay, it answers nothing meanwhile. */
        STOP
    }

    /**
     * One fault.
     *
     * @param at       when, from the start of the load
     * @param part     the part's name
     * @param kind     what is done
     * @param duration how long a STOP lasts; zero for a KILL
     */
    record Fault(Duration at, String part, Kind kind, Duration duration) {
    }

    private FaultPlan() {
    }

    /**
     * The faults of a run.
     *
     * @param run          how long the load runs
     * @param serviceKills how many times each service is killed
     * @param brokerKills  how many times the broker is killed
     * @param storeKills   how many times the store is killed
     * @param storeStop    how long the store is stopped once; zero for never
     */
    static List<Fault> of(Duration run, int serviceKills, int brokerKills, int storeKills, Duration storeStop,
                          long seed) {
        List<Fault> unplaced = new ArrayList<>();
        for (String service : ChaosParts.SERVICES) {
            for (int i = 0; i < serviceKills; i++) {
                unplaced.add(new Fault(Duration.ZERO, service, Kind.KILL, Duration.ZERO));
            }
        }
        for (int i = 0; i < brokerKills; i++) {
            unplaced.add(new Fault(Duration.ZERO, "kafka", Kind.KILL, Duration.ZERO));
        }
        for (int i = 0; i < storeKills; i++) {
            unplaced.add(new Fault(Duration.ZERO, "mongodb", Kind.KILL, Duration.ZERO));
        }
        if (!storeStop.isZero()) {
            unplaced.add(new Fault(Duration.ZERO, "mongodb", Kind.STOP, storeStop));
        }
        Random random = new Random(seed);
        Collections.shuffle(unplaced, random);
        long from = run.toMillis() / 10;
        long slot = unplaced.isEmpty() ? 0 : (run.toMillis() * 3 / 4 - from) / unplaced.size();
        List<Fault> placed = new ArrayList<>();
        for (int i = 0; i < unplaced.size(); i++) {
            Fault fault = unplaced.get(i);
            long at = from + i * slot + (long) (random.nextDouble() * slot);
            placed.add(new Fault(Duration.ofMillis(at), fault.part(), fault.kind(), fault.duration()));
        }
        placed.sort(Comparator.comparing(Fault::at));
        return List.copyOf(placed);
    }
}
