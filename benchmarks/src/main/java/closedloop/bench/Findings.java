package closedloop.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** What one run measured, filled in phase by phase and written out by {@link ReportWriter}. */
final class Findings {

    final BenchmarkOptions options;
    final Machine machine;
    final Instant startedAt;
    /** Which MongoDB was measured ({@link BenchmarkStore#describe}). */
    String store = "";

    // loading
    Duration insertTook = Duration.ZERO;
    long documentBytes;
    // reload by the service
    long serviceStartedMillis = -1;
    long boardFullMillis = -1;
    long reloadQueryMillis = -1;
    long loadedByLog = -1;
    long boardEntries = -1;
    // heap after a full GC with the board loaded
    long heapUsedBytes = -1;
    long liveDataBytes = -1;
    String heapInfo = "";
    // fire lag
    Percentiles lag;
    int lagMissing;
    /** Start of each 5 s of due time (epoch millis) → the worst lag of the cases due in it. */
    SortedMap<Long, Long> lagByWindow = new TreeMap<>();
    boolean lagStartedAfterLoad;
    // storm
    long stormMillis = -1;
    long stormFirstMillis = -1;
    int stormArrived;
    boolean stormComplete;
    // intake latency (microseconds)
    Percentiles intakeQuiet;
    Percentiles intakeStorm;
    long intakeFailures;
    // exactly once
    long expectedEvents;
    long seenExpected;
    long duplicates;
    long unexpected;
    // raw baselines
    RawBaselines.Timed rawQuery;
    RawBaselines.Timed rawProducer;
    RawBaselines.Timed rawFindReplace;
    RawBaselines.Timed rawOutboxFloor;
    RawBaselines.Timed rawVersionedUpdates;
    int recordBytes;
    // anything worth knowing
    final List<String> notes = new ArrayList<>();

    Findings(BenchmarkOptions options, Machine machine, Instant startedAt) {
        this.options = options;
        this.machine = machine;
        this.startedAt = startedAt;
    }

    long loadMillis() {
        return boardFullMillis < 0 ? -1 : boardFullMillis - serviceStartedMillis;
    }
}
