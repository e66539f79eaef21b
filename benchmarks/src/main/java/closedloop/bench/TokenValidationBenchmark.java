package closedloop.bench;

import closedloop.bench.TokenValidationFindings.Load;
import closedloop.bench.TokenValidationFindings.Validation;
import closedloop.contracts.Topics;
import closedloop.localstack.KafkaBroker;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static closedloop.bench.BenchmarkSupport.createTopics;
import static closedloop.bench.BenchmarkSupport.emptied;
import static closedloop.bench.BenchmarkSupport.freePort;
import static closedloop.bench.BenchmarkSupport.say;
import static closedloop.bench.BenchmarkSupport.serviceArguments;
import static closedloop.bench.BenchmarkSupport.waitUntil;

/**
 * Issue 15's benchmark, run by {@code ./bench-token-validation}: what validating the access token adds to
 * {@code POST /api/v1/complaints}. Starts a real Kafka broker and the embedded default's store, the identity issuer
 * and complaint-intake as child JVMs from their runnable jars, and measures the POST with the agent's real token, with
 * refused tokens and with none (closed loop, then open loop), token validation alone with the decoder Spring Boot
 * builds for the services, and the raw producer and store doing one send and one insert at a time; counts the key-set
 * fetches in the issuer's access log. Writes docs/benchmarks/token-validation.md.
 */
public final class TokenValidationBenchmark {

    static final int PARTITIONS = 3;
    static final String RAW_TOPIC = "bench.raw-producer";
    static final String AGENT = "agent-017";
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final String INTAKE_JAR = "complaint-intake/target/complaint-intake-0.1.0-SNAPSHOT-exec.jar";

    private final TokenValidationOptions options;
    private final TokenValidationFindings findings;
    private final HttpClient http = ComplaintPosts.client();

    private TokenValidationBenchmark(TokenValidationOptions options) {
        this.options = options;
        this.findings = new TokenValidationFindings(options, Machine.describe(), Instant.now());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("closedloop.repo", ".")).toAbsolutePath().normalize();
        TokenValidationOptions options;
        try {
            options = TokenValidationOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new TokenValidationBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        findings.loadBefore = Machine.loadAverage();
        say("Machine: %s cores, %s RAM, %s, %s; load average %s", findings.machine.cores(), findings.machine.ram(),
                findings.machine.os(), findings.machine.jdk(), findings.loadBefore);
        Path work = emptied(options.workDir());
        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), freePort(), freePort());
             BenchmarkStore store = BenchmarkStore.open(null, 0, work);
             MongoClient mongo = MongoClients.create(store.uri())) {
            findings.store = store.describe();
            createTopics(kafka.bootstrapServers(), PARTITIONS, RAW_TOPIC);
            say("Starting the identity issuer (-Xmx256m)...");
            try (IssuerJvm issuer = IssuerJvm.start(options.repoRoot(), work);
                 TopicProbe registered = new TopicProbe(kafka.bootstrapServers(), Topics.INTAKE_COMPLAINT,
                         PARTITIONS)) {
                int port = freePort();
                say("Starting complaint-intake (-Xmx512m), a resource server of %s...", issuer.url());
                try (ChildJvm intake = ChildJvm.start("complaint-intake", options.repoRoot().resolve(INTAKE_JAR),
                        List.of("-Xmx512m"), serviceArguments(kafka.bootstrapServers(), store.uri(), port, issuer),
                        port, work.resolve("complaint-intake.log"))) {
                    intake.awaitLine(line -> line.contains("Started ComplaintIntakeApplication"),
                            Duration.ofMinutes(3));
                    Tokens tokens = Tokens.from(signIn(issuer));
                    firstPosts(intake, issuer, tokens);
                    warmUp(intake, tokens);
                    measureIdle(intake);
                    validateAlone(issuer, tokens);
                    for (Credential credential : Credential.values()) {
                        findings.closed.put(credential, closedLoop(intake, issuer, tokens, credential));
                    }
                    findings.openRate = options.openRate(findings.closed.get(Credential.VALID).perSecond());
                    for (Credential credential : List.of(Credential.VALID, Credential.TAMPERED)) {
                        findings.open.put(credential, openLoop(intake, issuer, tokens, credential));
                    }
                    rawBaselines(kafka, mongo.getDatabase("closedloop-intake"), registered);
                    if (!intake.isAlive()) {
                        findings.notes.add("complaint-intake was not alive at the end of the run (see its log)");
                    }
                }
            }
        }
        findings.loadAfter = Machine.loadAverage();
        Path report = new TokenValidationReport(findings).write(options.report());
        say("Report written to %s", report);
    }

    private String signIn(IssuerJvm issuer) throws Exception {
        long started = System.nanoTime();
        String token = issuer.passwordToken(AGENT);
        findings.tokenRequestNanos = System.nanoTime() - started;
        findings.tokenChars = token.length();
        findings.bodyBytes = ComplaintPosts.body().getBytes(StandardCharsets.UTF_8).length;
        say("%s's token: %d characters, in %.1f ms", AGENT, token.length(), findings.tokenRequestNanos / 1e6);
        return token;
    }

    /**
     * The first requests with a token, one per client, sent at once: complaint-intake fetches the issuer's key set
     * for them (each request that arrives before the set is there fetches it too).
     */
    private void firstPosts(ChildJvm intake, IssuerJvm issuer, Tokens tokens) {
        ComplaintPosts posts = new ComplaintPosts(intake.url(""), tokens.of(Credential.VALID));
        findings.jwksBeforeFirstPost = issuer.jwksFetches();
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            answers.add(http.sendAsync(posts.next(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            if (response.statusCode() != 201) {
                throw new IllegalStateException("complaint-intake refused one of the agent's first POSTs: "
                        + response.statusCode() + " " + response.body());
            }
        }
        findings.firstPostNanos = System.nanoTime() - started;
        findings.jwksAfterFirstPost = issuer.jwksFetches();
        say("First %d POSTs at once: 201 within %.1f ms; JWKS fetched %d time(s) for them", options.clients(),
                findings.firstPostNanos / 1e6, findings.jwksAfterFirstPost - findings.jwksBeforeFirstPost);
    }

    /**
     * Runs every code path of the loads below, unmeasured, so that the first measured load does not pay for the
     * service's class loading and JIT compilation alone: the real token for twice the warm-up, then each refused one.
     */
    private void warmUp(ChildJvm intake, Tokens tokens) throws InterruptedException {
        say("Warming complaint-intake up: %d s with the real token, %d s with each other credential...",
                2 * options.warmUp(), options.warmUp());
        for (Credential credential : Credential.values()) {
            ComplaintPosts posts = new ComplaintPosts(intake.url(""), tokens.of(credential));
            int seconds = credential == Credential.VALID ? 2 * options.warmUp() : options.warmUp();
            ClosedLoad.run(http, posts::next, options.clients(), Duration.ofSeconds(seconds), Duration.ZERO,
                    credential.expectedStatus());
        }
    }

    /** complaint-intake's CPU while nobody calls it (its Kafka consumers, the outbox relay's sweep, GC). */
    private void measureIdle(ChildJvm intake) throws InterruptedException {
        long cpu = intake.cpuNanos();
        long started = System.nanoTime();
        waitUntil(System.currentTimeMillis() + IDLE.toMillis());
        long used = cpuSince(intake, cpu);
        findings.idleCpuPerSecond = used < 0 ? -1 : (long) (used * 1e9 / (System.nanoTime() - started));
        say("complaint-intake idle: %.1f ms of CPU per second", findings.idleCpuPerSecond / 1e6);
    }

    /** c) The decoder every service builds (the platform's TokenDecoders), in this JVM, on each token. */
    private void validateAlone(IssuerJvm issuer, Tokens tokens) {
        say("Token validation alone: %,d validations of each token, one after another...", options.decodes());
        try (TokenDecoding decoding = TokenDecoding.asTheServicesHaveIt(issuer.url(), issuer.jwkSetUri())) {
            long before = issuer.jwksFetches();
            findings.firstDecodeNanos = decoding.timeOnce(tokens.of(Credential.VALID), true);
            findings.firstDecodeJwks = issuer.jwksFetches() - before;
            decoding.time(tokens.of(Credential.VALID), options.decodes(), true);   // warm-up
            findings.alone.put(Credential.VALID, validations(issuer, () ->
                    decoding.time(tokens.of(Credential.VALID), options.decodes(), true)));
            findings.alone.put(Credential.TAMPERED, validations(issuer, () ->
                    decoding.time(tokens.of(Credential.TAMPERED), options.decodes(), false)));
            findings.alone.put(Credential.UNKNOWN_KEY, validations(issuer, () ->
                    decoding.time(tokens.of(Credential.UNKNOWN_KEY), options.unknownKeyDecodes(), false)));
        }
        findings.alone.forEach((credential, validation) -> say("  %s: %s ns, %d JWKS fetches", credential,
                validation.nanos(), validation.jwksFetches()));
    }

    private static Validation validations(IssuerJvm issuer, Supplier<Percentiles> timed) {
        long before = issuer.jwksFetches();
        Percentiles nanos = timed.get();
        return new Validation(nanos, issuer.jwksFetches() - before);
    }

    private Load closedLoop(ChildJvm intake, IssuerJvm issuer, Tokens tokens, Credential credential)
            throws InterruptedException {
        say("Closed loop, %d clients, %s: %d s warm-up, %d s measured...", options.clients(), credential,
                options.warmUp(), options.seconds());
        ComplaintPosts posts = new ComplaintPosts(intake.url(""), tokens.of(credential));
        long cpu = intake.cpuNanos();
        long jwks = issuer.jwksFetches();
        ClosedLoad.Result result = ClosedLoad.run(http, posts::next, options.clients(),
                Duration.ofSeconds(options.warmUp()), Duration.ofSeconds(options.seconds()),
                credential.expectedStatus());
        Load load = new Load(result.nanos(), result.perSecond(), result.requests(), result.failures().total(),
                cpuSince(intake, cpu), issuer.jwksFetches() - jwks);
        noteFailures("closed loop", credential, result.failures());
        report(load);
        return load;
    }

    private Load openLoop(ChildJvm intake, IssuerJvm issuer, Tokens tokens, Credential credential)
            throws InterruptedException {
        say("Open loop, %d/s, %s: %d s warm-up, %d s measured...", findings.openRate, credential, options.warmUp(),
                options.seconds());
        ComplaintPosts posts = new ComplaintPosts(intake.url(""), tokens.of(credential));
        long cpu = intake.cpuNanos();
        long jwks = issuer.jwksFetches();
        long from = System.currentTimeMillis() + options.warmUp() * 1000L;
        long to = from + options.seconds() * 1000L;
        try (IntakeLoad load = new IntakeLoad(posts, findings.openRate, credential.expectedStatus())) {
            waitUntil(to);
            load.stopAndAwaitAnswers(Duration.ofSeconds(30));
            List<Long> nanos = load.sentBetween(from, to).stream().map(IntakeLoad.Sample::nanos).toList();
            Load result = new Load(Percentiles.of(nanos), nanos.size() / (double) options.seconds(), load.sent(),
                    load.failures().total(), cpuSince(intake, cpu), issuer.jwksFetches() - jwks);
            noteFailures("open loop", credential, load.failures());
            report(result);
            return result;
        }
    }

    private void noteFailures(String loop, Credential credential, Failures failures) {
        if (failures.total() > 0) {
            findings.notes.add(String.format("The %s with %s had other answers than %d: %s.", loop,
                    credential.description(), credential.expectedStatus(), failures.describe()));
        }
    }

    private static long cpuSince(ChildJvm jvm, long before) {
        long now = jvm.cpuNanos();
        return before < 0 || now < 0 ? -1 : now - before;
    }

    private static void report(Load load) {
        say("  %.1f/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms; CPU %.2f ms per request; %d JWKS fetches, "
                        + "%d other answers",
                load.perSecond(), load.nanos().p50() / 1e6, load.nanos().p99() / 1e6, load.nanos().max() / 1e6,
                load.cpuPerRequest() / 1e6, load.jwksFetches(), load.failures());
    }

    /** d) The raw producer and store, one call at a time: a send like ComplaintRegistered, the POST's store calls. */
    private void rawBaselines(KafkaBroker kafka, MongoDatabase intakeDatabase, TopicProbe registered)
            throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (registered.sample() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        ConsumerRecord<String, String> sample = registered.sample();
        if (sample == null) {
            findings.notes.add("No ComplaintRegistered arrived on " + Topics.INTAKE_COMPLAINT
                    + " within 30 s: no raw producer baseline.");
        } else {
            findings.recordBytes = sample.serializedValueSize();
            say("Raw producer: %,d records of %d bytes, one at a time, acks=all...", options.raw(),
                    findings.recordBytes);
            findings.rawSend = RawBaselines.sendEach(kafka.bootstrapServers(), RAW_TOPIC, sample, options.raw());
            say("  %s ns", findings.rawSend);
        }
        MongoCollection<Document> complaints = intakeDatabase.getCollection("complaints");
        findings.complaintsStored = Mono.from(complaints.countDocuments()).block(Duration.ofMinutes(1));
        Document complaint = Mono.from(complaints.find().first()).block(Duration.ofMinutes(1));
        if (complaint == null) {
            findings.notes.add("No complaint in the store: no raw store baselines.");
            return;
        }
        say("Raw driver: the repeat check's query over the %,d complaints stored, %,d times one at a time...",
                findings.complaintsStored, options.raw());
        findings.rawRepeatQuery = RawBaselines.each(options.raw(), () -> repeatCheck(complaints));
        say("  %s ns", findings.rawRepeatQuery);
        say("Raw driver: %,d raises of a counter (findOneAndUpdate $inc, upsert), one at a time...", options.raw());
        MongoCollection<Document> numbers = intakeDatabase.getCollection("bench_raw_numbers");
        findings.rawCounter = RawBaselines.each(options.raw(), () -> numbers.findOneAndUpdate(
                Filters.eq("_id", "bench-day"), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        say("  %s ns", findings.rawCounter);
        findings.documentBytes = complaint.toJson().getBytes(StandardCharsets.UTF_8).length;
        say("Raw driver: %,d inserts of a %d-byte complaint, one at a time...", options.raw(), findings.documentBytes);
        findings.rawInsert = RawBaselines.insertEach(intakeDatabase.getCollection("bench_raw_complaints"), complaint,
                options.raw());
        say("  %s ns", findings.rawInsert);
    }

    /**
     * The query of complaint-intake's repeat check ({@code ComplaintQueries.earlier}) as Spring Data sends it: a new
     * customer's complaints of the category in the last 30 days, newest first, at most 100, their numbers only.
     */
    private static Publisher<Document> repeatCheck(MongoCollection<Document> complaints) {
        Instant now = Instant.now();
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Document filter = new Document("customer.phone", phone).append("category", "BILLING")
                .append("registeredAt", new Document("$gte", Date.from(now.minus(Duration.ofDays(30))))
                        .append("$lte", Date.from(now)));
        return complaints.find(filter).sort(new Document("registeredAt", -1).append("number", -1)).limit(100)
                .projection(new Document("number", 1));
    }
}
