package closedloop.bench;

import java.util.Collection;

/**
 * The 50th, 95th, 99th percentile and maximum of a set of measurements (nearest rank), in their unit.
 *
 * @param count how many there were
 */
record Percentiles(int count, long p50, long p95, long p99, long max) {

    static Percentiles of(Collection<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, -1, -1, -1, -1);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return "n=" + count + " p50=" + p50 + " p95=" + p95 + " p99=" + p99 + " max=" + max;
    }
}
