package closedloop.bench;

import closedloop.bench.GatlingRun.Answer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** docs/benchmarks/loop.md and its two charts, from the figures of each mode. */
final class LoopReport {

    static final String LATENCY_CHART = "loop-latency.svg";
    static final String SOAK_CHART = "loop-soak.svg";

    private final LoopOptions options;
    private final String arguments;
    private final Machine machine;
    private final Instant started;
    private final List<ModeResult> modes = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    LoopReport(LoopOptions options, String arguments, Machine machine, Instant started) {
        this.options = options;
        this.arguments = arguments;
        this.machine = machine;
        this.started = started;
    }

    void add(ModeResult mode) {
        modes.add(mode);
    }

    void write(Path report) throws IOException {
        Files.createDirectories(report.toAbsolutePath().getParent());
        header();
        for (ModeResult mode : modes) {
            steps(mode);
        }
        modes.stream().filter(mode -> mode.soak() != null).findFirst().ifPresent(this::soak);
        modes.stream().filter(mode -> mode.raw() != null).findFirst().ifPresent(this::raw);
        analysis();
        Files.writeString(report, out.toString());
        Files.writeString(report.resolveSibling(LATENCY_CHART), latencyChart());
        modes.stream().filter(mode -> mode.soak() != null).findFirst()
                .ifPresent(mode -> write(report.resolveSibling(SOAK_CHART), soakChart(mode.soak())));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void header() {
        line("# The whole loop under load: complaints per second, on the embedded default and split");
        line("");
        line("Written by `%s` (benchmarks `LoopBenchmark`, load by Gatling 3.15.1 in module `loop-load`)",
                ("./bench-loop " + arguments).strip());
        line("on %s, commit `%s`.", started, commit());
        line("");
        line(machine.markdown());
        line("");
        line("**What runs:** the local-stack exec jar as `./run-local` runs it (embedded: one JVM, -Xmx%s; split: a "
                + "JVM per part, -Xmx%s each), on a fresh data folder and free loopback ports. The per-person rate "
                + "limit is off (`CLOSEDLOOP_RATE_LIMITS_ENABLED=false`): the load signs in once as `agent-017` "
                + "(password grant of `closedloop-cli`) and stands for a whole call centre.", options.heap(),
                options.partHeap());
        line("");
        line("**The load:** Gatling's open model: arrivals at a fixed rate (randomized spacing) whatever the latency, "
                + "each a `POST /api/v1/complaints` with the agent's bearer token; customers drawn from a million "
                + "(5%% repeat one of the last 2,000 callers' complaint), every district and category, 10%% with a "
                + "promise, half with an address. A warm-up at 5/s for 90 s (for the JIT) and its drain precede each "
                + "ramp and are not reported. Each step offers its rate for %d s.", options.stepSeconds());
        line("");
        line("**The figures:** POST latency as Gatling measured it; POST→ticket from the POST's send to the "
                + "`TicketAssigned` record's timestamp (the router publishes it after the ticket is stored, so the "
                + "branch sees the ticket by then); POST→ack to the `MessageSent` of the registration SMS; lag and "
                + "outbox backlog read like an operator would (consumer group offsets; documents with `outboxSince`) "
                + "when the arrivals end; drain: until every ticket came and lag and backlog were 0; CPU: the stack's "
                + "processes' CPU time over the step's wall time (2.0 = both cores); heap: jstat's used heap over "
                + "all the stack's JVMs; writes: the store's `serverStatus.opcounters` insert+update+delete per "
                + "complaint; records: new records on the loop's four topics per complaint.");
        line("");
        line("**Sustainable** (the issue's rule): POST p99 ≤ %d ms, POST→ticket p99 ≤ %d ms, no error, every ticket "
                        + "there and the backlog drained within %.0f s of the step's end (a backlog that is not growing).",
                LoopStep.POST_P99_GOAL_MS, LoopStep.TICKET_P99_GOAL_MS, LoopStep.KEEPING_UP_DRAIN_SECONDS);
        line("");
        line("![POST and POST→ticket latency per step](%s)", LATENCY_CHART);
        line("");
    }

    private void steps(ModeResult mode) {
        line("## %s: the step ramp", mode.name().equals("split") ? "Split (a JVM per part)" : "Embedded (one JVM)");
        line("");
        line("Started in %d s; %d processes.", mode.startup().toSeconds(), mode.processes());
        line("");
        line("| offered /s | achieved /s | POST p50 / p99 / max ms | →ticket p50 / p99 ms | →ack p99 ms | errors "
                + "| lag / outbox at end | drained in | CPU cores | heap MiB | store writes / complaint "
                + "| Kafka records / complaint | CPU ms / complaint | sustainable |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (LoopStep step : mode.steps()) {
            line("| %.0f | %.1f | %s / %s / %s | %s / %s | %s | %d | %d / %d | %s | %.2f | %.0f | %.1f | %.1f | %.0f "
                            + "| %s |",
                    step.offered(), step.achieved(), ms(step.post().p50()), ms(step.post().p99()),
                    ms(step.post().max()), ms(step.toTicket().p50()), ms(step.toTicket().p99()),
                    ms(step.toAcknowledgement().p99()), step.errors() + step.withoutTicket(), step.lagAtEnd(),
                    step.backlogAtEnd(), step.drainSeconds() < 0 ? "not in " + options.drainSeconds() + " s"
                            : String.format(Locale.ROOT, "%.1f s", step.drainSeconds()),
                    step.cpuCores(), step.heapMegabytes(), step.storeWrites(), step.kafkaRecords(),
                    step.cpuMillisPerComplaint(), step.sustainable() ? "yes" : "no");
        }
        line("");
        line("**Sustainable rate (%s): %s.** Highest step that kept up (every ticket, no error, drained within %.0f s, "
                        + "latency goals aside): %s.", mode.name(), mode.best() == null ? "none of the steps"
                        : String.format(Locale.ROOT, "%.0f complaints/s", mode.best().offered()),
                LoopStep.KEEPING_UP_DRAIN_SECONDS, mode.keptUp() == null ? "none"
                        : String.format(Locale.ROOT, "%.0f complaints/s", mode.keptUp().offered()));
        line("");
        amplification(mode);
    }

    /** Where the writes and records per complaint come from: the store's {@code top}, the topics' event types. */
    private void amplification(ModeResult mode) {
        LoopStep step = mode.reference();
        line("**Store operations per complaint by collection** (%s, the %.0f/s step, from `top`):", mode.name(),
                step.offered());
        line("");
        line("| collection | insert | update | remove | queries | commands (findAndModify, count, …) |");
        line("|---|---|---|---|---|---|");
        step.storeOperations().forEach((collection, kinds) -> line("| %s | %.2f | %.2f | %.2f | %.2f | %.2f |",
                collection, kinds.getOrDefault("insert", 0.0), kinds.getOrDefault("update", 0.0),
                kinds.getOrDefault("remove", 0.0), kinds.getOrDefault("queries", 0.0),
                kinds.getOrDefault("commands", 0.0)));
        line("");
        line("**Kafka records per complaint by event type** (%s, over the whole ramp, %,d complaints):", mode.name(),
                mode.complaints());
        line("");
        line("| event type | records per complaint |");
        line("|---|---|");
        mode.recordsByType().forEach((type, count) -> line("| `%s` | %.2f |", type,
                count / (double) Math.max(1, mode.complaints())));
        line("");
    }

    private void soak(ModeResult mode) {
        Soak soak = mode.soak();
        line("## Soak: %.0f/s for %.1f minutes (embedded)", soak.rate(), soak.seconds() / 60.0);
        line("");
        line("![Throughput, POST p99 and heap over the soak](%s)", SOAK_CHART);
        line("");
        line("Overall: achieved %.1f/s, POST %s ms, POST→ticket %s ms, errors %d, drained %s after.", soak.achieved(),
                soak.post(), soak.toTicket(), soak.errors(), soak.drainSeconds() < 0 ? "not within the limit"
                        : String.format(Locale.ROOT, "in %.1f s", soak.drainSeconds()));
        line("");
        line("| minute | achieved /s | POST p99 ms | →ticket p99 ms | heap MiB | outbox | lag | CPU cores |");
        line("|---|---|---|---|---|---|---|---|");
        for (Window window : soak.minutes()) {
            line("| %d | %.1f | %s | %s | %.0f | %d | %d | %.2f |", window.minute(), window.achieved(),
                    ms(window.postP99()), ms(window.ticketP99()), window.heap(), window.backlog(), window.lag(),
                    window.cpu());
        }
        line("");
        line("Drift, first minute against last: POST p99 %s → %s ms, heap %.0f → %.0f MiB.",
                ms(soak.minutes().get(0).postP99()), ms(soak.minutes().get(soak.minutes().size() - 1).postP99()),
                soak.minutes().get(0).heap(), soak.minutes().get(soak.minutes().size() - 1).heap());
        line("");
    }

    private void raw(ModeResult mode) {
        Raw raw = mode.raw();
        LoopStep best = mode.reference();
        double producerComplaints = raw.recordsPerSecond() / best.kafkaRecords();
        double storeComplaints = raw.writesPerSecond() / best.storeWrites();
        line("## Side by side: the raw broker and the raw store, same machine, same run");
        line("");
        line("The work of %,d complaints at the %.0f/s step (%s; %.1f Kafka records and %.1f store writes per "
                        + "complaint):", raw.complaints(), best.offered(), mode.best() != null ? "sustainable"
                        : mode.keptUp() != null ? "the highest that kept up" : "the first", best.kafkaRecords(),
                best.storeWrites());
        line("");
        line("| what | work | took | rate | as complaints/s | the loop (%.1f/s at that step) against it |",
                best.achieved());
        line("|---|---|---|---|---|---|");
        double loop = best.achieved();
        line("| raw Kafka producer (acks=all, idempotent, linger 2 ms) on the stack's broker | %,d records of %d B "
                        + "| %.1f s | %,.0f records/s | %,.0f | %s |", raw.records(), raw.recordBytes(),
                raw.producing().toMillis() / 1000.0, raw.recordsPerSecond(), producerComplaints,
                ratio(loop, producerComplaints));
        line("| raw driver inserts (16 at a time) on the stack's store | %,d documents shaped like a stored "
                        + "complaint | %.1f s | %,.0f writes/s | %,.0f | %s |", raw.writes(),
                raw.writing().toMillis() / 1000.0, raw.writesPerSecond(), storeComplaints,
                ratio(loop, storeComplaints));
        line("");
    }

    /** Where the time goes and what was changed: written by hand, kept beside this class, appended as it is. */
    private void analysis() throws IOException {
        try (var text = LoopReport.class.getResourceAsStream("loop-analysis.md")) {
            if (text != null) {
                out.append(new String(text.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private String latencyChart() {
        SvgChart chart = new SvgChart("POST and POST→ticket latency per offered rate (ms, log scale)",
                "offered complaints/s", true);
        for (ModeResult mode : modes) {
            Map<Double, Double> postP50 = new LinkedHashMap<>();
            Map<Double, Double> postP99 = new LinkedHashMap<>();
            Map<Double, Double> ticketP99 = new LinkedHashMap<>();
            for (LoopStep step : mode.steps()) {
                postP50.put(step.offered(), (double) Math.max(1, step.post().p50()));
                postP99.put(step.offered(), (double) Math.max(1, step.post().p99()));
                ticketP99.put(step.offered(), (double) Math.max(1, step.toTicket().p99()));
            }
            chart.series(mode.name() + " POST p50", postP50);
            chart.series(mode.name() + " POST p99", postP99);
            chart.series(mode.name() + " →ticket p99", ticketP99);
        }
        chart.threshold("POST p99 goal 50 ms", LoopStep.POST_P99_GOAL_MS);
        chart.threshold("→ticket p99 goal 250 ms", LoopStep.TICKET_P99_GOAL_MS);
        return chart.render();
    }

    private static String soakChart(Soak soak) {
        SvgChart chart = new SvgChart("Soak at %.0f/s: per minute".formatted(soak.rate()), "minute", false);
        Map<Double, Double> achieved = new LinkedHashMap<>();
        Map<Double, Double> p99 = new LinkedHashMap<>();
        Map<Double, Double> heap = new LinkedHashMap<>();
        Map<Double, Double> backlog = new LinkedHashMap<>();
        for (Window window : soak.minutes()) {
            achieved.put((double) window.minute(), window.achieved());
            p99.put((double) window.minute(), (double) window.postP99());
            heap.put((double) window.minute(), window.heap() / 10);
            backlog.put((double) window.minute(), (double) window.backlog());
        }
        chart.series("achieved complaints/s", achieved);
        chart.series("POST p99 ms", p99);
        chart.series("heap (10 MiB)", heap);
        chart.series("outbox backlog", backlog);
        return chart.render();
    }

    private static String ratio(double loop, double raw) {
        return raw <= 0 ? "-" : String.format(Locale.ROOT, "%.0f%% (%.2f×)", 100 * loop / raw, loop / raw);
    }

    private static String ms(long millis) {
        return millis < 0 ? "-" : String.format(Locale.ROOT, "%,d", millis);
    }

    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(git.getInputStream().readAllBytes()).strip();
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
            return head + (dirty ? " with local changes" : "");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** One mode's figures. */
    record ModeResult(String name, Duration startup, int processes, List<LoopStep> steps, LoopStep best,
                      LoopStep keptUp, Soak soak, Raw raw, Map<String, Long> recordsByType, long complaints) {

        /** The step the soak and the raw work are measured at: the sustainable one, else the highest kept up. */
        LoopStep reference() {
            return best != null ? best : keptUp != null ? keptUp : steps.get(0);
        }
    }

    /** One sample of the soak's gauges, every 10 s. */
    record Sample(double atSeconds, double heap, long backlog, long lag, double cpu) {
    }

    /** One minute of the soak. */
    record Window(int minute, double achieved, long postP99, long ticketP99, double heap, long backlog, long lag,
                  double cpu) {
    }

    /** The soak's figures, overall and per minute. */
    record Soak(double rate, int seconds, double achieved, Percentiles post, Percentiles toTicket, long errors,
                double drainSeconds, List<Window> minutes) {

        static Soak of(double rate, int seconds, long started, List<Answer> answers, LoopProbe probe,
                       List<Sample> samples, double drainSeconds) {
            List<Window> minutes = new ArrayList<>();
            int count = Math.max(1, (int) Math.ceil(seconds / 60.0));
            for (int minute = 0; minute < count; minute++) {
                long from = started + minute * 60_000L;
                long to = from + 60_000L;
                List<Answer> in = answers.stream().filter(a -> a.sentAt() >= from && a.sentAt() < to).toList();
                int m = minute;
                List<Sample> sampled = samples.stream()
                        .filter(s -> s.atSeconds() > m * 60 && s.atSeconds() <= (m + 1) * 60).toList();
                double seconds60 = Math.min(60, Math.max(1, seconds - minute * 60));
                minutes.add(new Window(minute + 1, in.stream().filter(Answer::created).count() / seconds60,
                        LoopStep.postLatencies(in).p99(), LoopStep.since(in, probe::ticketAt).p99(),
                        sampled.stream().mapToDouble(Sample::heap).max().orElse(0),
                        sampled.stream().mapToLong(Sample::backlog).max().orElse(0),
                        sampled.stream().mapToLong(Sample::lag).max().orElse(0),
                        sampled.stream().mapToDouble(Sample::cpu).average().orElse(0)));
            }
            return new Soak(rate, seconds, answers.stream().filter(Answer::created).count() / (double) seconds,
                    LoopStep.postLatencies(answers), LoopStep.since(answers, probe::ticketAt), LoopStep.errors(answers),
                    drainSeconds, minutes);
        }
    }

    /** The raw producer's and raw driver's work and time. */
    record Raw(long complaints, int records, int recordBytes, Duration producing, int writes, Duration writing) {

        double recordsPerSecond() {
            return records / Math.max(0.001, producing.toNanos() / 1e9);
        }

        double writesPerSecond() {
            return writes / Math.max(0.001, writing.toNanos() / 1e9);
        }
    }
}
