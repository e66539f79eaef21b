package closedloop.bench;

import closedloop.bench.ChaosInvariants.Invariant;
import closedloop.bench.ChaosRun.Result;
import closedloop.bench.FaultInjector.Applied;
import closedloop.bench.FaultPlan.Kind;
import closedloop.bench.LoopDriver.Attempt;
import closedloop.bench.LoopDriver.Driven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes a chaos run's Markdown report and its chart ({@code <report name>.svg} beside it). */
final class ChaosReport {

    /** The width of a point of the chart. */
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private ChaosReport() {
    }

    static void write(Result result, Path report) throws IOException {
        Path folder = report.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        String base = report.getFileName().toString().replaceFirst("\\.md$", "");
        Files.writeString(folder.resolve(base + "-throughput.svg"), throughputChart(result));
        Files.writeString(folder.resolve(base + "-latency.svg"), latencyChart(result));
        Files.writeString(report, markdown(result, base));
    }

    static String markdown(Result result, String base) {
        ChaosOptions options = result.options();
        List<Driven> complaints = result.complaints();
        List<Driven> answered = complaints.stream().filter(complaint -> complaint.registeredAt != null).toList();
        List<Attempt> attempts = result.attempts();
        long broken = result.invariants().stream().filter(invariant -> !invariant.holds()).count();
        StringBuilder md = new StringBuilder();
        md.append("# Chaos run: faults while the loop runs, and what must hold after\n\n");
        md.append("Written by `./chaos` (issue 18; `closedloop.bench.ChaosRun`). Do not edit by hand: run it again.\n\n");
        md.append(String.format(Locale.ROOT, "- **Command:** `%s`%n", options.commandLine()));
        md.append(String.format(Locale.ROOT, "- **Commit:** `%s`; run at %s%n", LoopReport.commit(),
                result.loadBegan().toString().substring(0, 19) + "Z"));
        md.append("- ").append(Machine.describe().markdown()).append('\n');
        md.append(String.format(Locale.ROOT, "- **Stack:** the split-process mode of the embedded default (`./run-local "
                + "--split`): the store, the broker, the demo outbox, the issuer and the four services, a JVM each "
                + "(-Xmx%s, C1 only, serial collector), on loopback; started in %d s.%n", options.partHeap(), result.startup().toSeconds()));
        md.append(String.format(Locale.ROOT, "- **Verdict:** %s%n%n", result.holds()
                ? "**every invariant holds**, every fault was applied and every part came back."
                : "**something broke** (" + broken + " invariant(s) broken"
                        + (result.drainedAt() == null ? "; the loop did not drain in time" : "") + ")."));

        md.append("## What the run did\n\n");
        md.append(String.format(Locale.ROOT, "- Load: %.1f complaints/s offered for %d s (open model: arrivals do not "
                        + "wait for answers), every category and district, 2,000 customers (so some complain again).%n",
                options.rate(), options.load().toSeconds()));
        md.append("- Each complaint is driven around the loop through the APIs as the staff would: every second each "
                + "branch's dispatcher works the branch's queue of new tickets (accepts and resolves each), and the "
                + "agent works the queue of open callbacks (records each as satisfied). When a complaint got its "
                + "ticket and when it was closed is read from the topics as it happens. "
                + String.format(Locale.ROOT, "Every %d%s complaint is neglected (never accepted): with the run's "
                        + "sign-for limit of %d s it must escalate.%n", options.neglectEvery(),
                ordinal(options.neglectEvery()), options.signFor().toSeconds()));
        md.append("- A registration without a 201 (no answer within 10 s, 503 while the store is away, a service "
                + "restarting) is sent again with the same `Idempotency-Key` until it gets one, after half a second, "
                + "doubling up to 8 s; what the staff could not do in a turn (a service away) is in their queue again "
                + "on the next.\n");
        md.append(String.format(Locale.ROOT, "- Drain: after the load, until every complaint driven is closed and the "
                + "last neglected one had its sign-for limit and 45 s more to escalate: %s.%n%n",
                result.drainedAt() == null ? "**did not finish in time**"
                        : Duration.between(result.loadEnded(), result.drainedAt()).toSeconds() + " s"));

        md.append("## Fault timeline\n\n");
        md.append("| at (s into the load) | part | fault | back after (s) |\n|---:|---|---|---:|\n");
        for (Applied fault : result.faults()) {
            md.append(String.format(Locale.ROOT, "| %.1f | %s | %s | %s |%n",
                    seconds(result.loadBegan(), fault.began()), fault.fault().part(), describe(fault),
                    fault.away() == null ? "not back: " + fault.failed()
                            : String.format(Locale.ROOT, "%.1f", fault.away().toMillis() / 1000.0)));
        }
        md.append(String.format(Locale.ROOT, "%nA killed part is started again at once, on the same data and ports; "
                + "\"back after\" is until it served again. A stopped part is continued after its time.%n%n"));

        md.append("## Figures\n\n");
        Map<Integer, Long> byStatus = attempts.stream().collect(Collectors.groupingBy(Attempt::status, TreeMap::new,
                Collectors.counting()));
        long neglected = answered.stream().filter(complaint -> complaint.neglected).count();
        long closed = complaints.stream().filter(complaint -> complaint.closedAt != null).count();
        md.append("| what | figure |\n|---|---:|\n");
        row(md, "complaints offered", complaints.size());
        row(md, "answered 201", answered.size());
        row(md, "driven around the loop and closed", closed);
        row(md, "neglected (must escalate)", neglected);
        row(md, "registration requests sent", attempts.size());
        byStatus.forEach((status, count) -> row(md, "… answered " + (status == 0 ? "nothing within 10 s, or no connection"
                : String.valueOf(status)), count));
        row(md, "complaints that needed more than one request", complaints.stream()
                .filter(complaint -> complaint.attempts > 1).count());
        md.append(String.format(Locale.ROOT, "| POST latency per request p50 / p99 / max (ms) | %s |%n",
                percentiles(attempts.stream().map(Attempt::millis).toList())));
        md.append(String.format(Locale.ROOT, "| offered → 201, retries included, p50 / p99 / max (ms) | %s |%n",
                percentiles(answered.stream().map(complaint -> Duration.between(complaint.offeredAt,
                        complaint.registeredAt).toMillis()).toList())));
        md.append(String.format(Locale.ROOT, "| 201 → ticket seen at the router p50 / p99 / max (ms) | %s |%n",
                percentiles(complaints.stream().filter(complaint -> complaint.ticketAt != null)
                        .map(complaint -> Duration.between(complaint.registeredAt, complaint.ticketAt).toMillis())
                        .toList())));
        md.append(String.format(Locale.ROOT, "| 201 → closed through the loop p50 / p99 / max (ms) | %s |%n",
                percentiles(complaints.stream().filter(complaint -> complaint.closedAt != null)
                        .map(complaint -> Duration.between(complaint.registeredAt, complaint.closedAt).toMillis())
                        .toList())));
        row(md, "records on the loop's topics", result.records());
        row(md, "copies of an event published again (ignored by consumers by event id)", result.repeatedCopies());
        md.append('\n');

        md.append("## Invariants\n\n");
        md.append("Checked after the drain against the 201s the driver was given and every record on the four topics "
                + "and their `.DLT`s, read from the beginning.\n\n");
        md.append("| invariant | checked | broken | holds | first breaches |\n|---|---:|---:|---|---|\n");
        for (Invariant invariant : result.invariants()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s |%n", invariant.name(),
                    invariant.checked(), invariant.breaches(), invariant.holds() ? "yes" : "**no**",
                    String.join(", ", invariant.broken())));
        }
        md.append("\n## Over time\n\n");
        md.append(String.format(Locale.ROOT, "Per %d s from the start of the load; the shaded stretches are the "
                + "faults, from when each was applied until its part was back.%n%n", WINDOW.toSeconds()));
        md.append(String.format("![Throughput over time](%s-throughput.svg)%n%n", base));
        md.append(String.format("![Latency over time](%s-latency.svg)%n", base));
        return md.toString();
    }

    private static String throughputChart(Result result) {
        SvgChart chart = new SvgChart("Throughput during the chaos run (per second, " + WINDOW.toSeconds()
                + " s windows)", "seconds into the load", false);
        chart.series("answered 201", perSecond(windows(result.attempts().stream()
                .filter(attempt -> attempt.status() / 100 == 2).map(Attempt::at).toList(), result)));
        chart.series("not answered 201", perSecond(windows(result.attempts().stream()
                .filter(attempt -> attempt.status() / 100 != 2).map(Attempt::at).toList(), result)));
        chart.series("closed through the loop", perSecond(windows(result.complaints().stream()
                .filter(complaint -> complaint.closedAt != null).map(complaint -> complaint.closedAt).toList(),
                result)));
        spans(chart, result);
        return chart.render();
    }

    private static String latencyChart(Result result) {
        SvgChart chart = new SvgChart("Latency during the chaos run (ms, log scale)", "seconds into the load", true);
        Map<Double, List<Long>> post = grouped(result.attempts(), Attempt::at, Attempt::millis, result);
        chart.series("POST p50", percentile(post, 50));
        chart.series("POST p99", percentile(post, 99));
        Map<Double, List<Long>> loop = grouped(result.complaints().stream()
                        .filter(complaint -> complaint.closedAt != null).toList(),
                complaint -> complaint.closedAt,
                complaint -> Duration.between(complaint.registeredAt, complaint.closedAt).toMillis(), result);
        chart.series("201 → closed p50", percentile(loop, 50));
        chart.series("201 → ticket seen p50", percentile(grouped(result.complaints().stream()
                        .filter(complaint -> complaint.ticketAt != null).toList(),
                complaint -> complaint.ticketAt,
                complaint -> Duration.between(complaint.registeredAt, complaint.ticketAt).toMillis(), result), 50));
        spans(chart, result);
        return chart.render();
    }

    private static void spans(SvgChart chart, Result result) {
        for (Applied fault : result.faults()) {
            Instant ended = fault.ended() == null ? fault.began() : fault.ended();
            chart.span(seconds(result.loadBegan(), fault.began()), seconds(result.loadBegan(), ended),
                    (fault.fault().kind() == Kind.KILL ? "kill " : "stop ") + fault.fault().part());
        }
    }

    /** How many instants fall in each window, every window from the load's start to the end of the run included. */
    private static Map<Double, Long> windows(List<Instant> instants, Result result) {
        Map<Double, Long> counts = new TreeMap<>();
        Instant end = result.drainedAt() == null ? result.loadEnded() : result.drainedAt();
        for (long start = 0; start <= Duration.between(result.loadBegan(), end).toSeconds(); start += WINDOW.toSeconds()) {
            counts.put((double) start, 0L);
        }
        instants.forEach(instant -> counts.merge(window(result.loadBegan(), instant), 1L, Long::sum));
        return counts;
    }

    private static <T> Map<Double, List<Long>> grouped(List<T> things, Function<T, Instant> at,
                                                      Function<T, Long> value, Result result) {
        Map<Double, List<Long>> groups = new TreeMap<>();
        for (T thing : things) {
            groups.computeIfAbsent(window(result.loadBegan(), at.apply(thing)), key -> new ArrayList<>())
                    .add(value.apply(thing));
        }
        return groups;
    }

    private static Map<Double, Double> perSecond(Map<Double, Long> counts) {
        Map<Double, Double> rates = new TreeMap<>();
        counts.forEach((window, count) -> rates.put(window, count / (double) WINDOW.toSeconds()));
        return rates;
    }

    private static Map<Double, Double> percentile(Map<Double, List<Long>> groups, int percent) {
        Map<Double, Double> points = new TreeMap<>();
        groups.forEach((window, values) -> {
            Percentiles p = Percentiles.of(values);
            points.put(window, (double) Math.max(1, percent == 50 ? p.p50() : p.p99()));
        });
        return points;
    }

    private static double window(Instant began, Instant at) {
        long seconds = Math.max(0, Duration.between(began, at).toSeconds());
        return (double) (seconds - seconds % WINDOW.toSeconds());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String describe(Applied fault) {
        return fault.fault().kind() == Kind.KILL ? "kill -9, started again"
                : "stopped (SIGSTOP) for " + fault.fault().duration().toSeconds() + " s, then continued";
    }

    private static String percentiles(List<Long> values) {
        Percentiles p = Percentiles.of(values);
        return p.count() == 0 ? "–" : String.format(Locale.ROOT, "%,d / %,d / %,d", p.p50(), p.p99(), p.max());
    }

    private static void row(StringBuilder md, String what, long figure) {
        md.append(String.format(Locale.ROOT, "| %s | %,d |%n", what, figure));
    }

    private static String ordinal(int n) {
        return n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
