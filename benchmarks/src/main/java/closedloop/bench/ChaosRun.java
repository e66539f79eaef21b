package closedloop.bench;

import closedloop.bench.ChaosInvariants.Invariant;
import closedloop.bench.FaultInjector.Applied;
import closedloop.bench.FaultPlan.Fault;
import closedloop.bench.LoopDriver.Attempt;
import closedloop.bench.LoopDriver.Driven;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static closedloop.bench.BenchmarkSupport.say;
import static closedloop.bench.BenchmarkSupport.waitUntil;

/**
 * Issue 18's chaos command ({@code ./chaos}): on the split-process mode of the embedded default, bounded and on
 * loopback only, it keeps complaints coming and drives them around the loop ({@link LoopDriver}) while it kills each
 * service, the broker and the store and stops the store for a while ({@link FaultPlan}); then it lets the loop drain
 * and checks what must hold ({@link ChaosInvariants}) against the 201s it was given and what is on the topics, and
 * writes {@code docs/reliability/chaos.md} ({@link ChaosReport}). It exits 1 when an invariant is broken.
 */
public final class ChaosRun {

    /**
     * What a run found.
     *
     * @param loadBegan  when the load began (the faults' times count from it)
     * @param loadEnded  when the load ended
     * @param drainedAt  when the loop had finished, or null when it had not within the drain time
     * @param startup    how long the parts took to start the first time
     */
    record Result(ChaosOptions options, List<Fault> plan, List<Applied> faults, List<Driven> complaints,
                  List<Attempt> attempts, List<Invariant> invariants, long records, long repeatedCopies,
                  Instant loadBegan, Instant loadEnded, Instant drainedAt, Duration startup) {

        boolean holds() {
            return drainedAt != null && invariants.stream().allMatch(Invariant::holds)
                    && faults.size() == plan.size() && faults.stream().allMatch(fault -> fault.failed() == null);
        }
    }

    private ChaosRun() {
    }

    public static void main(String[] args) throws Exception {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args, Path.of(System.getProperty("closedloop.repo", ".")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Result result = run(options);
        say("%s", result.holds() ? "Every invariant holds." : "Something broke; see the report.");
        System.exit(result.holds() ? 0 : 1);
    }

    static Result run(ChaosOptions options) throws Exception {
        Clock clock = Clock.systemUTC();
        Path work = BenchmarkSupport.emptied(options.work());
        List<Fault> plan = FaultPlan.of(options.load(), options.serviceKills(), options.brokerKills(),
                options.storeKills(), options.storeStop(), options.seed());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (ChaosParts parts = new ChaosParts(work, options.partHeap(), environment(options))) {
            say("Starting the store, the broker, the demo outbox, the issuer and the four services, a JVM each...");
            Instant starting = clock.instant();
            parts.startAll();
            Duration startup = Duration.between(starting, clock.instant());
            say("Up in %d s. Load at %s/s for %d s with %d faults (seed %d)", startup.toSeconds(), options.rate(),
                    options.load().toSeconds(), plan.size(), options.seed());
            try (LoopDriver driver = new LoopDriver(parts, http, clock, options.rate(), options.neglectEvery(),
                    options.seed()); FaultInjector injector = new FaultInjector(parts, clock)) {
                driver.start();
                Instant loadBegan = clock.instant();
                injector.start(plan);
                waitUntil(loadBegan.plus(options.load()).toEpochMilli());
                driver.stopRegistering();
                Instant loadEnded = clock.instant();
                say("Load ended; waiting for every part to be back and the loop to drain...");
                Instant drainDeadline = loadEnded.plus(options.drain());
                injector.finished().get(Math.max(1, Duration.between(clock.instant(), drainDeadline).toSeconds()),
                        TimeUnit.SECONDS);
                Instant drainedAt = drain(driver, options, clock, drainDeadline);
                say(drainedAt == null ? "The loop did not drain in time" : "Drained; reading the topics...");
                TopicLedger ledger = TopicLedger.read(parts.kafka(), Duration.ofMinutes(2));
                List<Driven> complaints = driver.complaints();
                Result result = new Result(options, plan, injector.applied(), complaints, driver.attempts(),
                        ChaosInvariants.check(complaints, driver.answers(), driver.serverErrors(), ledger), ledger.records(), ledger.repeatedCopies(),
                        loadBegan, loadEnded, drainedAt, startup);
                result.invariants().forEach(invariant -> say("%s %s: %d checked, %d broken",
                        invariant.holds() ? "OK  " : "FAIL", invariant.name(), invariant.checked(),
                        invariant.breaches()));
                if (options.report() != null) {
                    ChaosReport.write(result, options.report());
                    say("Report: %s", options.report());
                }
                return result;
            }
        }
    }

    /**
     * Waits until every complaint is answered and those driven are closed, and the last neglected one's sign-for limit
     * has passed with time to escalate; null when the deadline comes first.
     */
    private static Instant drain(LoopDriver driver, ChaosOptions options, Clock clock, Instant deadline)
            throws InterruptedException {
        Instant nextWord = clock.instant();
        while (clock.instant().isBefore(deadline)) {
            if (!clock.instant().isBefore(nextWord)) {
                say("Where the complaints are: %s", driver.complaints().stream().collect(java.util.stream.Collectors
                        .groupingBy(complaint -> complaint.stage, java.util.TreeMap::new,
                                java.util.stream.Collectors.counting())));
                nextWord = clock.instant().plusSeconds(15);
            }
            Instant lastNeglected = driver.complaints().stream().filter(complaint -> complaint.neglected)
                    .map(complaint -> complaint.registeredAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(Instant.EPOCH);
            if (driver.drained() && clock.instant().isAfter(lastNeglected.plus(options.signFor())
                    .plus(Duration.ofSeconds(45)))) {
                return clock.instant();
            }
            Thread.sleep(1_000);
        }
        return null;
    }

    /**
     * What every part's environment adds: the per-person rate limit off (the driver stands for a whole call centre)
     * and, for every category, the run's sign-for limit with first-contact and resolve limits of an hour, so that
     * only the neglected complaints (and those a fault held up past the sign-for limit) escalate.
     */
    static Map<String, String> environment(ChaosOptions options) throws Exception {
        Map<String, Object> limits = new LinkedHashMap<>();
        for (String category : List.of("billing", "installation-repair", "network-quality", "service-attitude",
                "tariff-product", "other")) {
            limits.put(category, Map.of("sign-for", options.signFor().toString(), "first-contact", "PT1H",
                    "resolve", "PT1H", "basis", "CALENDAR"));
        }
        String json = new ObjectMapper().writeValueAsString(Map.of("closedloop", Map.of("sla", limits)));
        return Map.of("CLOSEDLOOP_RATE_LIMITS_ENABLED", "false", "SPRING_APPLICATION_JSON", json);
    }
}
