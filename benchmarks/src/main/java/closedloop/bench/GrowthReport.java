package closedloop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

/** docs/benchmarks/loop-growth.md: the POST on an empty store and with a million complaints stored, side by side. */
final class GrowthReport {

    private static final String ANALYSIS = "loop-growth-analysis.md";

    private final GrowthOptions options;
    private final String arguments;
    private final Machine machine;
    private final Instant started;
    private final Measured empty;
    private final Measured grown;
    private final Store store;
    private final StringBuilder out = new StringBuilder();

    GrowthReport(GrowthOptions options, String arguments, Machine machine, Instant started, Measured empty,
                 Measured grown, Store store) {
        this.options = options;
        this.arguments = arguments;
        this.machine = machine;
        this.started = started;
        this.empty = empty;
        this.grown = grown;
        this.store = store;
    }

    /** POST p99 with the complaints stored divided by POST p99 on the empty store. */
    double ratio() {
        return empty.post().p99() <= 0 ? Double.NaN : grown.post().p99() / (double) empty.post().p99();
    }

    boolean met() {
        return ratio() <= GrowthBenchmark.GOAL_RATIO && empty.errors() == 0 && grown.errors() == 0;
    }

    void write(Path report) throws IOException {
        Files.createDirectories(report.toAbsolutePath().getParent());
        line("# Does the agent wait longer once a million complaints are stored?");
        line("");
        line("Written by `%s` (benchmarks `GrowthBenchmark`, load by Gatling 3.15.1 in module `loop-load`)",
                ("./bench-loop-growth " + arguments).strip());
        line("on %s, commit `%s`.", started, LoopReport.commit());
        line("");
        line(machine.markdown());
        line("");
        line("**What runs:** the local-stack exec jar as `./run-local` runs it, one JVM with -Xmx%s, on a fresh data "
                + "folder and free loopback ports, with the per-person rate limit off. After a warm-up at 5/s for 90 s "
                + "(for the JIT) and its drain, Gatling offers %.0f complaints/s for %d s (open model, the same bodies "
                + "and token as `./bench-loop`) on the nearly empty store. Then the benchmark stores %,d complaints "
                + "through the driver, each a copy of one the loop stored (timeline included) with its own id, number, "
                + "customer and registration time and an empty outbox, and beside each its customer's summary in "
                + "`customer_recent_complaints` (what repeat detection reads by key). Then the same rate again, with "
                + "other customers. After each, when the loop has drained, the raw driver does the POST's two writes "
                + "%,d times, one at a time: insert a complaint, and upsert a customer's summary by key; then it sends %d times "
                + "the store work of a search by phone (`ComplaintQueries`: filter, sort, first page and count).",
                options.heap(), options.rate(), options.seconds(), options.complaints(), options.rawWrites(),
                GrowthStore.SEARCHES);
        line("");
        line("**The goal** (issue 17): POST p99 with 1,000,000 complaints stored within %.1f× the p99 on an empty "
                + "store.", GrowthBenchmark.GOAL_RATIO);
        line("");
        line("| | complaints stored | POST p50 / p95 / p99 / max ms | errors | POST→ticket p50 / p99 ms | drained "
                + "| heap MiB | raw insert p50 / p99 µs | raw summary upsert p50 / p99 µs | raw search by phone p50 / max ms "
                + "(%d searches) |", GrowthStore.SEARCHES);
        line("|---|---|---|---|---|---|---|---|---|---|");
        row("empty store", empty);
        row("grown store", grown);
        line("");
        line("**POST p99 grown / empty: %.2f× — goal ≤ %.1f×: %s.** Raw driver p99 grown / empty: insert %.2f×, "
                        + "summary upsert %.2f×.", ratio(), GrowthBenchmark.GOAL_RATIO, met() ? "met" : "not met",
                grown.raw().insert().p99() / (double) Math.max(1, empty.raw().insert().p99()),
                grown.raw().upsert().p99() / (double) Math.max(1, empty.raw().upsert().p99()));
        line("");
        double preloadSeconds = store.preload().toMillis() / 1000.0;
        line("Storing the %,d complaints and %,d summaries (driver, bulk writes of %,d in key order) took %.1f s "
                        + "(%,.0f complaints/s). The data folder holds %,.0f MB at the end.", options.complaints(),
                options.complaints(), GrowthStore.BATCH, preloadSeconds,
                options.complaints() / Math.max(0.001, preloadSeconds), store.megabytes());
        line("");
        line("**Restart on the grown store:** stopped as Ctrl-C stops it, then started again on the same folder and "
                + "ports: %.1f s to \"Closed Loop is up\" (the first start, on an empty folder: %.1f s).",
                store.restart().toMillis() / 1000.0, store.firstStart().toMillis() / 1000.0);
        line("");
        analysis();
        Files.writeString(report, out.toString());
    }

    private void row(String name, Measured measured) {
        line("| %s | %,d | %d / %d / %d / %d | %d | %d / %d | %s | %,.0f | %d / %d | %d / %d | %,d / %,d |", name,
                measured.stored(), measured.post().p50(), measured.post().p95(), measured.post().p99(),
                measured.post().max(), measured.errors(), measured.toTicket().p50(), measured.toTicket().p99(),
                measured.drainSeconds() < 0 ? "not in 600 s" : String.format(Locale.ROOT, "%.1f s",
                        measured.drainSeconds()), measured.heapMegabytes(), measured.raw().insert().p50(),
                measured.raw().insert().p99(), measured.raw().upsert().p50(), measured.raw().upsert().p99(),
                measured.raw().search().p50() / 1_000, measured.raw().search().max() / 1_000);
    }

    private void analysis() throws IOException {
        try (InputStream analysis = GrowthReport.class.getResourceAsStream(ANALYSIS)) {
            if (analysis != null) {
                out.append(new String(analysis.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** What a folder's files take on disk, in MB. */
    static double megabytesIn(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum() / 1e6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }

    /**
     * One measurement.
     *
     * @param stored        complaints stored when it began
     * @param post          POST latency (ms) of the created complaints
     * @param errors        answers other than 201
     * @param toTicket      POST sent to TicketAssigned recorded (ms)
     * @param drainSeconds  until every ticket came and nothing lagged, after the arrivals; -1 when it did not
     * @param heapMegabytes the stack's heap in use after the drain
     * @param raw           the raw driver's POST writes after the drain
     */
    record Measured(long stored, Percentiles post, long errors, Percentiles toTicket, double drainSeconds,
                    double heapMegabytes, GrowthStore.RawLatencies raw) {
    }

    /**
     * The grown store.
     *
     * @param preload   storing the complaints and summaries through the driver
     * @param megabytes its data folder at the end
     * @param firstStart  the stack's start on an empty folder, to the banner
     * @param restart   a stop and start on the grown store, to the banner
     */
    record Store(Duration preload, double megabytes, Duration firstStart, Duration restart) {
    }
}
