package closedloop.bench;

import closedloop.bench.GatlingRun.Answer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static closedloop.bench.LoopBenchmark.say;

/**
 * Issue 17's growth goal, run by {@code ./bench-loop-growth}: does the agent wait longer at the form once a million
 * complaints are stored? On one embedded default (as {@code ./run-local} runs it, fresh data folder), after a
 * warm-up: the same arrival rate is offered on the nearly empty store, then again after a million complaints (and
 * their customers' summaries) were stored in bulk; the raw driver does the POST's two writes before and after; last,
 * the stack is restarted on the grown store.
 * Writes docs/benchmarks/loop-growth.md.
 */
public final class GrowthBenchmark {

    /** The goal: POST p99 with a million stored at most this many times the p99 on an empty store. */
    static final double GOAL_RATIO = 1.5;
    private static final double WARM_UP_RATE = 5;
    private static final int WARM_UP_SECONDS = 90;
    private static final int DRAIN_SECONDS = 600;

    private GrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("closedloop.repo", ".")).toAbsolutePath().normalize();
        GrowthOptions options;
        try {
            options = GrowthOptions.parse(args, repository);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path work = repository.resolve("benchmarks/target/loop");
        Files.createDirectories(work);
        Instant started = Instant.now();
        GatlingRun gatling = new GatlingRun(repository.resolve("loop-load"), work);
        Path jar = repository.resolve("local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar");
        say("Starting the embedded default...");
        try (LoopStack stack = LoopStack.start(jar, "growth", false, options.heap(), work);
             LoopGauges gauges = new LoopGauges(stack.kafka(), stack.mongo());
             LoopProbe probe = new LoopProbe(stack.kafka());
             GrowthStore store = new GrowthStore(stack.mongo())) {
            say("Up in %d s; warming up at %.0f/s for %d s", stack.startup().toSeconds(), WARM_UP_RATE,
                    WARM_UP_SECONDS);
            LoopBenchmark.drain(gatling.run(stack, "growth-warm-up", WARM_UP_RATE, WARM_UP_SECONDS, 99), probe,
                    gauges, DRAIN_SECONDS);
            GrowthReport.Measured empty = measure(options, stack, gauges, probe, store, gatling, "empty", 1,
                    LocalDate.of(2023, 1, 1));
            say("Storing %,d complaints and their customers' summaries...", options.complaints());
            Duration preload = store.preload(options.complaints(), LocalDate.of(2024, 1, 1));
            GrowthReport.Measured grown = measure(options, stack, gauges, probe, store, gatling, "grown", 2,
                    LocalDate.of(2023, 6, 1));
            say("Restarting on the grown store...");
            Duration restart;
            try (LoopStack restarted = stack.restart()) {
                restart = restarted.startup();
            }
            say("Up again in %d s", restart.toSeconds());
            Path folder = work.resolve("data-growth");
            GrowthReport report = new GrowthReport(options, String.join(" ", args), Machine.describe(), started,
                    empty, grown, new GrowthReport.Store(preload, GrowthReport.megabytesIn(folder), stack.startup(), restart));
            report.write(options.report());
            say("POST p99 %d ms empty, %d ms grown (%.2f×); wrote %s", empty.post().p99(), grown.post().p99(),
                    report.ratio(), options.report());
        }
    }

    private static GrowthReport.Measured measure(GrowthOptions options, LoopStack stack, LoopGauges gauges,
                                                 LoopProbe probe, GrowthStore store, GatlingRun gatling, String name,
                                                 long seed, LocalDate rawDay) throws Exception {
        long stored = store.complaints();
        say("%s store (%,d complaints): %.0f/s for %d s...", name, stored, options.rate(), options.seconds());
        List<Answer> answers = gatling.run(stack, "growth-" + name, options.rate(), options.seconds(), seed);
        double drained = LoopBenchmark.drain(answers, probe, gauges, DRAIN_SECONDS);
        double heap = stack.heapMegabytes();
        GrowthStore.RawLatencies raw = store.rawWrites(options.rawWrites(), rawDay);
        GrowthReport.Measured measured = new GrowthReport.Measured(stored, LoopStep.postLatencies(answers),
                LoopStep.errors(answers), LoopStep.since(answers, probe::ticketAt), drained, heap, raw);
        say("%s: POST %s ms, →ticket %s ms, errors %d; raw insert %s µs, raw upsert %s µs, raw search %s µs", name,
                measured.post(), measured.toTicket(), measured.errors(), raw.insert(), raw.upsert(), raw.search());
        return measured;
    }
}
