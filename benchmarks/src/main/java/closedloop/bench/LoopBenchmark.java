package closedloop.bench;

import closedloop.bench.GatlingRun.Answer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17's benchmark, run by {@code ./bench-loop}: how many complaints a second the whole loop takes in and carries
 * to the branch, on the embedded default as a user runs it (one JVM) and in its split-process mode (a JVM per part).
 * Gatling offers a step ramp of arrival rates (open model) through the agent's real token; a probe on the topics
 * times each complaint's ticket and acknowledgement; operator's gauges say what is left undone after each step. Then
 * a soak at the highest sustainable step, and the raw producer and the raw driver doing the same work on the same
 * broker and store. Writes docs/benchmarks/loop.md and its charts.
 */
public final class LoopBenchmark {

    private static final long WARM_UP_SEED = 99;
    private static final double WARM_UP_RATE = 5;
    /** Long enough for the JIT: C2 took 40 % of a core through the first minutes of load. */
    private static final int WARM_UP_SECONDS = 90;
    /** The ramp and the soak start from an idle loop: what came before must be drained first. */
    private static final int IDLE_DRAIN_SECONDS = 600;

    private final LoopOptions options;
    private final Path repository;
    private final Path work;
    private final GatlingRun gatling;

    private LoopBenchmark(LoopOptions options, Path repository) {
        this.options = options;
        this.repository = repository;
        this.work = repository.resolve("benchmarks/target/loop");
        this.gatling = new GatlingRun(repository.resolve("loop-load"), work);
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("closedloop.repo", ".")).toAbsolutePath().normalize();
        LoopOptions options;
        try {
            options = LoopOptions.parse(args, repository);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new LoopBenchmark(options, repository).run(String.join(" ", args));
    }

    private void run(String arguments) throws Exception {
        Files.createDirectories(work);
        LoopReport report = new LoopReport(options, arguments, Machine.describe(), Instant.now());
        for (String mode : options.modes()) {
            report.add(runMode(mode));
        }
        report.write(options.report());
        say("Wrote %s", options.report());
    }

    private LoopReport.ModeResult runMode(String mode) throws Exception {
        boolean split = mode.equals("split");
        say("Starting the embedded default (%s)...", mode);
        Path jar = repository.resolve("local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar");
        try (LoopStack stack = LoopStack.start(jar, mode, split, split ? options.partHeap() : options.heap(), work);
             LoopGauges gauges = new LoopGauges(stack.kafka(), stack.mongo());
             LoopProbe probe = new LoopProbe(stack.kafka())) {
            say("Up in %d s, %d processes; warming up at %.0f/s for %d s", stack.startup().toSeconds(),
                    stack.processes().size(), WARM_UP_RATE, WARM_UP_SECONDS);
            drain(gatling.run(stack, mode + "-warm-up", WARM_UP_RATE, WARM_UP_SECONDS, WARM_UP_SEED), probe, gauges,
                    IDLE_DRAIN_SECONDS);
            List<LoopStep> steps = new ArrayList<>();
            long seed = 1;
            for (double rate : options.steps()) {
                LoopStep step = step(stack, gauges, probe, mode, rate, options.stepSeconds(), seed++);
                steps.add(step);
                say("%s %.0f/s: achieved %.1f/s, POST %s ms, →ticket %s ms, errors %d, drained in %.1f s, %s",
                        mode, rate, step.achieved(), step.post(), step.toTicket(), step.errors(), step.drainSeconds(),
                        step.sustainable() ? "sustainable" : "NOT sustainable");
                if (step.saturated()) {
                    say("Saturated: the ramp stops here");
                    break;
                }
            }
            LoopStep best = steps.stream().filter(LoopStep::sustainable)
                    .reduce((first, second) -> second).orElse(null);
            LoopStep keptUp = steps.stream().filter(LoopStep::keptUp).reduce((first, second) -> second).orElse(null);
            LoopReport.Soak soak = null;
            LoopReport.Raw raw = null;
            if (!split && options.soakMinutes() > 0) {
                LoopStep soakAt = best != null ? best : keptUp != null ? keptUp : steps.get(0);
                say("Letting the last step's backlog drain before the soak...");
                drain(List.of(), probe, gauges, IDLE_DRAIN_SECONDS);
                soak = soak(stack, gauges, probe, soakAt.offered());
                raw = raw(stack, probe, soakAt);
            }
            return new LoopReport.ModeResult(mode, stack.startup(), stack.processes().size(), steps, best, keptUp,
                    soak, raw,
                    probe.recordsByType(), probe.complaints());
        }
    }

    private LoopStep step(LoopStack stack, LoopGauges gauges, LoopProbe probe, String mode, double rate, int seconds,
                          long seed) throws Exception {
        double cpuBefore = stack.cpuSeconds();
        long wallBefore = System.nanoTime();
        Map<String, Long> opsBefore = gauges.opcounters();
        long recordsBefore = gauges.topicRecords();
        Map<String, Map<String, Long>> topBefore = gauges.top();
        List<Answer> answers = gatling.run(stack, String.format("%s-%.0f", mode, rate), rate, seconds, seed);
        long lagAtEnd = gauges.consumerLag();
        long backlogAtEnd = gauges.outboxBacklog();
        double heap = stack.heapMegabytes();
        double drained = drain(answers, probe, gauges, options.drainSeconds());
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        double cpuCores = (stack.cpuSeconds() - cpuBefore) / wallSeconds;
        long created = answers.stream().filter(Answer::created).count();
        Map<String, Long> opsAfter = gauges.opcounters();
        long writes = 0;
        for (String counter : List.of("insert", "update", "delete")) {
            writes += opsAfter.getOrDefault(counter, 0L) - opsBefore.getOrDefault(counter, 0L);
        }
        long records = gauges.topicRecords() - recordsBefore;
        Map<String, Map<String, Double>> operations = LoopStep.perComplaint(topBefore, gauges.top(), created);
        return new LoopStep(rate, seconds, created / (double) seconds, LoopStep.postLatencies(answers),
                LoopStep.errors(answers), LoopStep.since(answers, probe::ticketAt), LoopStep.since(answers, probe::acknowledgedAt),
                LoopStep.notSeen(answers, probe::ticketAt), lagAtEnd, backlogAtEnd, drained, cpuCores, heap,
                created == 0 ? 0 : writes / (double) created, created == 0 ? 0 : records / (double) created,
                operations, wallSeconds);
    }

    /**
     * Waits until every created complaint has its ticket and no group lags and no outbox waits; the seconds it took,
     * or -1 when the drain limit passed first.
     */
    static double drain(List<Answer> answers, LoopProbe probe, LoopGauges gauges, int limitSeconds)
            throws Exception {
        long started = System.nanoTime();
        long limit = started + limitSeconds * 1_000_000_000L;
        while (System.nanoTime() < limit) {
            if (LoopStep.notSeen(answers, probe::ticketAt) == 0 && gauges.consumerLag() == 0
                    && gauges.outboxBacklog() == 0) {
                return (System.nanoTime() - started) / 1e9;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        say("Not drained in %d s: %d complaints without a ticket, lag %s, outbox backlog %s", limitSeconds, LoopStep.notSeen(answers, probe::ticketAt), gauges.lagByGroup(),
                gauges.backlogByCollection());
        return -1;
    }

    /** The sustainable rate for the soak's minutes, with heap, backlog, lag and CPU sampled every 10 s. */
    private LoopReport.Soak soak(LoopStack stack, LoopGauges gauges, LoopProbe probe, double rate) throws Exception {
        int seconds = (int) Math.round(options.soakMinutes() * 60);
        say("Soak: %.0f/s for %d s...", rate, seconds);
        List<LoopReport.Sample> samples = new ArrayList<>();
        long started = System.currentTimeMillis();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        double[] lastCpu = {stack.cpuSeconds()};
        long[] lastAt = {System.nanoTime()};
        sampler.scheduleAtFixedRate(() -> {
            try {
                double cpu = stack.cpuSeconds();
                long now = System.nanoTime();
                samples.add(new LoopReport.Sample((System.currentTimeMillis() - started) / 1000.0,
                        stack.heapMegabytes(), gauges.outboxBacklog(), gauges.consumerLag(),
                        (cpu - lastCpu[0]) / ((now - lastAt[0]) / 1e9)));
                lastCpu[0] = cpu;
                lastAt[0] = now;
            } catch (Exception e) {
                say("A soak sample failed: %s", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
        List<Answer> answers;
        try {
            answers = gatling.run(stack, "embedded-soak", rate, seconds, 1000);
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(60, TimeUnit.SECONDS);
        }
        double drained = drain(answers, probe, gauges, options.drainSeconds());
        return LoopReport.Soak.of(rate, seconds, started, answers, probe, List.copyOf(samples), drained);
    }

    /** The raw producer and the raw driver doing the loop's Kafka and store work of that step's complaints. */
    private LoopReport.Raw raw(LoopStack stack, LoopProbe probe, LoopStep step) throws Exception {
        long complaints = Math.max(500, Math.round(step.achieved() * step.seconds()));
        int records = (int) Math.max(1, Math.round(complaints * step.kafkaRecords()));
        int writes = (int) Math.max(1, Math.round(complaints * step.storeWrites()));
        int recordBytes = (int) Math.max(1, probe.bytes() / Math.max(1, probe.records()));
        say("Raw producer: %,d records of %d bytes; raw driver: %,d inserts of a stored complaint...", records,
                recordBytes, writes);
        return LoopRawWork.measure(stack.kafka(), stack.mongo(), records, recordBytes, writes, complaints);
    }

    static void say(String format, Object... args) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
