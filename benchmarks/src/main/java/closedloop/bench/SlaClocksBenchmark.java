package closedloop.bench;

import closedloop.escalation.sla.SlaCase;
import closedloop.contracts.Topics;
import closedloop.localstack.KafkaBroker;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static closedloop.bench.BenchmarkSupport.createTopics;
import static closedloop.bench.BenchmarkSupport.emptied;
import static closedloop.bench.BenchmarkSupport.freePort;
import static closedloop.bench.BenchmarkSupport.say;
import static closedloop.bench.BenchmarkSupport.serviceArguments;
import static closedloop.bench.BenchmarkSupport.waitUntil;

/**
 * Issue 4's benchmark, run by {@code ./bench-sla-clocks}: loads pending SLA clocks (1,000,000 by default) into the
 * store of ONE escalation-service, starts the service as a child JVM from its runnable jar with {@code -Xmx1g} and
 * measures how long it takes to put them on its clock board, the heap it holds them in, how late it fires at 100
 * firings/s, how long a storm of cases due at one instant takes to reach Kafka, complaint-intake's POST latency
 * during that storm, and that every expected event arrives exactly once; then the raw broker and store do the same
 * work for comparison. Writes docs/benchmarks/sla-clocks.md.
 */
public final class SlaClocksBenchmark {

    static final int PARTITIONS = 3;
    static final String RAW_TOPIC = "bench.raw-producer";
    /** The demo agent whose token complaint-intake's load carries. */
    static final String AGENT = "agent-017";
    private static final Pattern LOADED = Pattern.compile("assigned: (\\d+) cases with clocks loaded");

    private final BenchmarkOptions options;
    private final Findings findings;
    private final Map<String, Long> lagDue = new HashMap<>();
    private final Map<String, Long> stormDue = new HashMap<>();
    private final List<String> stormCases = new ArrayList<>();
    private long lagStart;
    private long stormAt;

    private SlaClocksBenchmark(BenchmarkOptions options) {
        this.options = options;
        this.findings = new Findings(options, Machine.describe(), Instant.now());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("closedloop.repo", ".")).toAbsolutePath().normalize();
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new SlaClocksBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        say("Machine: %s cores, %s RAM, %s, %s", findings.machine.cores(), findings.machine.ram(),
                findings.machine.os(), findings.machine.jdk());
        say("Plan: %,d clocks (%,d held, %,d lag cases at %d/s, storm of %,d)", options.clocks(), options.farCases(),
                options.lagCases(), options.lagRate(), options.storm());
        Path work = emptied(options.workDir());
        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), freePort(), freePort());
             BenchmarkStore mongo = BenchmarkStore.open(options.mongoUri(), options.storeCache(), work);
             MongoClient client = MongoClients.create(mongo.uri())) {
            findings.store = mongo.describe();
            say("Kafka at %s, MongoDB at %s: %s", kafka.bootstrapServers(), BenchmarkStore.redacted(mongo.uri()),
                    findings.store);
            createTopics(kafka.bootstrapServers(), PARTITIONS, RAW_TOPIC);
            MongoCollection<Document> cases = client.getDatabase("closedloop-escalation").getCollection("sla_cases");
            CaseDocuments.declareIndexes(cases, SlaCase.class);
            load(cases);
            say("Raw driver: the reload's partition query over all %,d cases...", options.clocks());
            try {
                findings.rawQuery = RawBaselines.partitionQuery(cases, PARTITIONS);
                say("  %,d rows in %.1f s", findings.rawQuery.items(), findings.rawQuery.seconds());
            } catch (RuntimeException e) {
                findings.notes.add("The raw driver's partition query failed: " + e.getMessage());
                say("  failed: %s", e.getMessage());
            }
            try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), Topics.ESCALATION_SLA, PARTITIONS)) {
                startServices(kafka, mongo, probe, work);
                checkExactlyOnce(probe);
                if (probe.sample() != null) {
                    findings.recordBytes = probe.sample().serializedValueSize();
                    say("Raw producer: %,d records of %d bytes, acks=all, idempotent...", options.storm(),
                            findings.recordBytes);
                    findings.rawProducer = RawBaselines.producer(kafka.bootstrapServers(), RAW_TOPIC, probe.sample(),
                            options.storm());
                    say("  %.1f s (%,d/s)", findings.rawProducer.seconds(), findings.rawProducer.perSecond());
                }
            }
            say("Raw driver: findById + replace of the %,d storm cases, 16 at a time...", stormCases.size());
            findings.rawFindReplace = RawBaselines.findAndReplace(cases, stormCases, 16);
            say("  %.1f s (%,d/s)", findings.rawFindReplace.seconds(), findings.rawFindReplace.perSecond());
            say("Raw driver: the least an outbox needs for the %,d storm cases (load, save with the event, mark sent; "
                    + "bulk writes of 1,000)...", stormCases.size());
            findings.rawOutboxFloor = RawBaselines.outboxFloor(cases, stormCases,
                    "x".repeat(Math.max(1, findings.recordBytes)));
            say("  %.1f s (%,d/s)", findings.rawOutboxFloor.seconds(), findings.rawOutboxFloor.perSecond());
            List<String> sample = stormCases.subList(0, Math.min(20, stormCases.size()));
            say("Raw driver: %d updates with the service's save filter {_id, version}, one at a time...", sample.size());
            findings.rawVersionedUpdates = RawBaselines.versionedUpdates(cases, sample);
            say("  %.1f s (%.1f ms each)", findings.rawVersionedUpdates.seconds(),
                    findings.rawVersionedUpdates.took().toNanos() / 1e6 / Math.max(1, sample.size()));
        }
        Path report = new ReportWriter(findings).write(options.report());
        say("Report written to %s", report);
    }

    /** Inserts the held cases, then (their due instants now known) the lag and storm cases. */
    private void load(MongoCollection<Document> cases) throws InterruptedException {
        CaseDocuments documents = new CaseDocuments(PARTITIONS);
        ClockLoader loader = new ClockLoader(cases);
        long now = System.currentTimeMillis();
        long farFrom = now + Duration.ofHours(1).toMillis();
        long farSpan = Duration.ofHours(16).toMillis();
        int far = options.farCases();
        say("Loading %,d held cases (due in 1 h to 17 h)...", far);
        List<String> farIds = CaseDocuments.sortedIds(far, 0x0, 0xd);
        Duration farTook = loader.load("held", far,
                i -> documents.heldForResolution(farIds.get(i), farFrom + i * farSpan / far), built -> { });
        findings.documentBytes = documents.heldForResolution(farIds.get(0), farFrom).document().toJson().length();
        planDueInstants(cases, farTook);
        say("Loading %,d lag cases due from %s, one every %d ms...", options.lagCases(), Instant.ofEpochMilli(lagStart),
                1000 / options.lagRate());
        List<String> lagIds = CaseDocuments.sortedIds(options.lagCases(), 0xe, 0xe);
        Duration lagTook = loader.load("lag", options.lagCases(),
                i -> documents.awaitingSignFor(lagIds.get(i), lagStart + i * 1000L / options.lagRate()),
                built -> lagDue.put(CaseDocuments.warningId(built.ticketId()), built.dueAt()));
        say("Loading %,d storm cases all due at %s...", options.storm(), Instant.ofEpochMilli(stormAt));
        List<String> stormIds = CaseDocuments.sortedIds(options.storm(), 0xf, 0xf);
        Duration stormTook = loader.load("storm", options.storm(),
                i -> documents.awaitingSignFor(stormIds.get(i), stormAt), built -> {
            stormDue.put(CaseDocuments.warningId(built.ticketId()), built.dueAt());
            stormCases.add(built.complaintId());
        });
        findings.insertTook = farTook.plus(lagTook).plus(stormTook);
        say("Inserted %,d cases in %.1f s", options.clocks(), findings.insertTook.toMillis() / 1000.0);
    }

    /**
     * Places the first lag case far enough ahead that the special cases are inserted, the service started and its
     * board loaded first (estimated from the insert rate and a partial raw reload query), unless --lead says.
     */
    private void planDueInstants(MongoCollection<Document> cases, Duration farTook) {
        long leadMillis;
        if (options.lead() != null) {
            leadMillis = options.lead() * 1000L;
        } else {
            RawBaselines.Timed partial;
            try {
                partial = RawBaselines.partitionQuery(cases, PARTITIONS);
            } catch (RuntimeException e) {
                findings.notes.add("The raw query for the lead estimate failed: " + e.getMessage());
                partial = new RawBaselines.Timed(0, Duration.ofSeconds(30));
            }
            double scale = (double) options.clocks() / Math.max(1, options.farCases());
            long insertRest = (long) (farTook.toMillis() * (options.lagCases() + options.storm())
                    / (double) Math.max(1, options.farCases()) * 1.5);
            long query = (long) (partial.took().toMillis() * scale);
            leadMillis = insertRest + query + 3 * query + 60_000;
            say("Estimated lead %d s (insert %d s, raw query %d s, reload ~3x raw, 60 s for JVM starts and GC)",
                    leadMillis / 1000, insertRest / 1000, query / 1000);
        }
        lagStart = (System.currentTimeMillis() + leadMillis) / 1000 * 1000 + 1000;
        stormAt = lagStart + options.lagSpanMillis() + 40_000;
    }

    /** Starts the issuer and escalation-service (child JVMs) and measures the service. */
    private void startServices(KafkaBroker kafka, BenchmarkStore mongo, TopicProbe probe, Path work)
            throws Exception {
        Path jar = options.repoRoot().resolve("escalation-service/target/escalation-service-0.1.0-SNAPSHOT-exec.jar");
        int port = freePort();
        say("Starting the identity issuer, whose tokens the services take...");
        try (IssuerJvm issuer = IssuerJvm.start(options.repoRoot(), work)) {
            say("Starting escalation-service (-Xmx1g) from %s...", options.repoRoot().relativize(jar));
            try (ChildJvm escalation = ChildJvm.start("escalation-service", jar,
                    List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"),
                    serviceArguments(kafka.bootstrapServers(), mongo.uri(), port, issuer), port,
                    work.resolve("escalation-service.log"))) {
                measureService(escalation, issuer, kafka, mongo, probe, work);
            }
        }
    }

    private void measureService(ChildJvm escalation, IssuerJvm issuer, KafkaBroker kafka, BenchmarkStore mongo,
                                TopicProbe probe, Path work) throws Exception {
        findings.serviceStartedMillis = escalation.startedAt();
        awaitBoard(escalation);
        measureHeap(escalation, work);
        int intakePort = freePort();
        Path intakeJar = options.repoRoot().resolve("complaint-intake/target/complaint-intake-0.1.0-SNAPSHOT-exec.jar");
        say("Starting complaint-intake (-Xmx512m) and %d POST/s as %s...", options.intakeRate(), AGENT);
        try (ChildJvm intake = ChildJvm.start("complaint-intake", intakeJar, List.of("-Xmx512m"),
                serviceArguments(kafka.bootstrapServers(), mongo.uri(), intakePort, issuer), intakePort,
                work.resolve("complaint-intake.log"))) {
            intake.awaitLine(line -> line.contains("Started ComplaintIntakeApplication"), Duration.ofMinutes(3));
            ComplaintPosts posts = new ComplaintPosts(intake.url(""), issuer.passwordToken(AGENT));
            try (IntakeLoad load = new IntakeLoad(posts, options.intakeRate(), 201)) {
                measureLag(probe, escalation);
                measureStorm(probe, escalation, work);
                long lagEnd = lagStart + options.lagSpanMillis();
                findings.intakeQuiet = Percentiles.of(load.sentBetween(lagEnd + 5_000, stormAt).stream()
                        .map(IntakeLoad.Sample::nanos).toList());
                long stormEnd = findings.stormMillis < 0 ? System.currentTimeMillis() : stormAt + findings.stormMillis;
                waitUntil(System.currentTimeMillis() + 3_000);
                findings.intakeStorm = Percentiles.of(load.sentBetween(stormAt, Math.max(stormEnd, stormAt + 1_000))
                        .stream().map(IntakeLoad.Sample::nanos).toList());
                findings.intakeFailures = load.failures().total();
                if (findings.intakeFailures > 0) {
                    findings.notes.add("complaint-intake's POSTs that failed: " + load.failures().describe() + ".");
                }
                say("complaint-intake POST p99: %.1f ms without a storm, %.1f ms during it (%d failed)",
                        findings.intakeQuiet.p99() / 1e6, findings.intakeStorm.p99() / 1e6,
                        findings.intakeFailures);
            }
        }
        say("Waiting 10 s for stragglers and duplicates...");
        waitUntil(System.currentTimeMillis() + 10_000);
        if (!escalation.isAlive()) {
            findings.notes.add("escalation-service was not alive at the end of the run (see its log)");
        }
    }

    /** Waits until every case is on the board: the service's log line(s) and its gauge. */
    private void awaitBoard(ChildJvm escalation) throws Exception {
        ChildJvm.LogLine started = escalation.awaitLine(line -> line.contains("Started EscalationServiceApplication"),
                Duration.ofMinutes(5));
        say("  context started after %.1f s", (started.loggedAt() - escalation.startedAt()) / 1000.0);
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(15).toMillis();
        long loaded = 0;
        ChildJvm.LogLine last = null;
        while (System.currentTimeMillis() < deadline && loaded < options.clocks()) {
            loaded = 0;
            for (ChildJvm.LogLine line : escalation.linesMatching(text -> LOADED.matcher(text).find())) {
                Matcher count = LOADED.matcher(line.text());
                count.find();
                loaded += Long.parseLong(count.group(1));
                last = line;
            }
            if (!escalation.isAlive()) {
                throw new IllegalStateException("escalation-service exited while loading its board; see its log");
            }
            Thread.sleep(100);
        }
        if (last == null || loaded < options.clocks()) {
            throw new IllegalStateException("The board holds " + loaded + " of " + options.clocks() + " cases");
        }
        findings.loadedByLog = loaded;
        findings.boardFullMillis = last.loggedAt();
        escalation.linesMatching(text -> text.contains("groupId=escalation-service]")
                        && text.contains("Adding newly assigned partitions") && text.contains(Topics.ROUTER_TICKET))
                .stream().findFirst()
                .ifPresent(assigned -> findings.reloadQueryMillis = findings.boardFullMillis - assigned.loggedAt());
        findings.boardEntries = gauge(escalation, "closedloop_sla_board_entries");
        say("Board loaded: %,d cases %.1f s after the JVM started (query and schedule %.1f s); gauge says %,d",
                loaded, findings.loadMillis() / 1000.0, findings.reloadQueryMillis / 1000.0, findings.boardEntries);
    }

    private void measureHeap(ChildJvm escalation, Path work) throws Exception {
        escalation.jcmd("GC.run");
        Thread.sleep(1_000);
        String metrics = escalation.get("/actuator/prometheus").orElse("");
        findings.heapUsedBytes = sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"");
        findings.liveDataBytes = sum(metrics, "jvm_gc_live_data_size_bytes", "");
        findings.heapInfo = escalation.jcmd("GC.heap_info").lines()
                .filter(line -> line.contains("total") && line.contains("used")).map(String::trim)
                .reduce((a, b) -> a + "; " + b).orElse("");
        Files.writeString(work.resolve("escalation-class-histogram.txt"), escalation.jcmd("GC.class_histogram"));
        say("Heap used after GC with %,d clocks: %.0f MiB (live data %.0f MiB); %s", findings.boardEntries,
                mib(findings.heapUsedBytes), mib(findings.liveDataBytes), findings.heapInfo);
    }

    private void measureLag(TopicProbe probe, ChildJvm escalation) throws InterruptedException {
        findings.lagStartedAfterLoad = findings.boardFullMillis < lagStart;
        if (!findings.lagStartedAfterLoad) {
            findings.notes.add("The first lag case fell due before the board was loaded; its lags include the load.");
        }
        say("Fire lag: %,d cases due %s .. +%d s; waiting...", options.lagCases(), Instant.ofEpochMilli(lagStart),
                options.lagSpanMillis() / 1000);
        waitUntil(lagStart + options.lagSpanMillis() + 10_000);
        List<Long> lags = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Long> due : lagDue.entrySet()) {
            Long published = probe.timestampOf(due.getKey());
            if (published == null) {
                missing++;
            } else {
                lags.add(published - due.getValue());
            }
        }
        findings.lag = Percentiles.of(lags);
        findings.lagMissing = missing;
        findings.lagByWindow = worstLagPerWindow(probe);
        say("  lag p50 %d ms, p99 %d ms, max %d ms; %d not (yet) published", findings.lag.p50(), findings.lag.p99(),
                findings.lag.max(), missing);
    }

    /** The worst lag among the cases due in each 5 s of the probe, by when they were due: shows when the tail arose. */
    private SortedMap<Long, Long> worstLagPerWindow(TopicProbe probe) {
        SortedMap<Long, Long> worst = new TreeMap<>();
        lagDue.forEach((id, due) -> {
            Long published = probe.timestampOf(id);
            if (published != null) {
                worst.merge((due - lagStart) / 5_000 * 5_000 + lagStart, published - due, Math::max);
            }
        });
        return worst;
    }

    private void measureStorm(TopicProbe probe, ChildJvm escalation, Path work) throws Exception {
        say("Storm: %,d cases due at %s; waiting...", options.storm(), Instant.ofEpochMilli(stormAt));
        waitUntil(stormAt);
        long giveUp = stormAt + options.stormWait() * 1000L;
        int dumps = 0;
        int arrived = 0;
        long nextReport = 10_000;
        while (System.currentTimeMillis() < giveUp) {
            arrived = (int) stormDue.keySet().stream().filter(id -> probe.timestampOf(id) != null).count();
            if (arrived == options.storm()) {
                break;
            }
            long since = System.currentTimeMillis() - stormAt;
            if (dumps < 3 && since > 5_000L * (dumps + 1)) {
                dumps++;
                Files.writeString(work.resolve("escalation-storm-threads-" + dumps + ".txt"),
                        escalation.jcmd("Thread.print"));
            }
            if (since >= nextReport) {
                nextReport += 10_000;
                say("  %,d of %,d on escalation.sla after %d s", arrived, options.storm(), since / 1000);
            }
            Thread.sleep(500);
        }
        findings.stormArrived = arrived;
        findings.stormComplete = arrived == options.storm();
        List<Long> stamps = stormDue.keySet().stream().map(probe::timestampOf).filter(java.util.Objects::nonNull)
                .toList();
        if (!stamps.isEmpty()) {
            findings.stormMillis = stamps.stream().max(Comparator.naturalOrder()).orElseThrow() - stormAt;
            findings.stormFirstMillis = stamps.stream().min(Comparator.naturalOrder()).orElseThrow() - stormAt;
        }
        say("  %,d of %,d published; last %.1f s after the instant (first after %.1f s)", arrived, options.storm(),
                findings.stormMillis / 1000.0, findings.stormFirstMillis / 1000.0);
    }

    private void checkExactlyOnce(TopicProbe probe) {
        Set<String> expected = new HashSet<>(lagDue.keySet());
        expected.addAll(stormDue.keySet());
        findings.expectedEvents = expected.size();
        findings.seenExpected = expected.stream().filter(id -> probe.timestampOf(id) != null).count();
        findings.duplicates = probe.duplicates();
        findings.unexpected = probe.seen().keySet().stream().filter(id -> !expected.contains(id)).count();
        say("Exactly once: %,d of %,d expected events seen, %d duplicates, %d unexpected", findings.seenExpected,
                findings.expectedEvents, findings.duplicates, findings.unexpected);
    }

    private static long gauge(ChildJvm service, String name) {
        return sum(service.get("/actuator/prometheus").orElse(""), name, "");
    }

    /** Sums the samples of a Prometheus metric whose labels contain {@code label}; -1 when there are none. */
    static long sum(String metrics, String name, String label) {
        double total = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(label)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? (long) total : -1;
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
