package closedloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps complaints coming at a fixed rate (open model: arrivals do not wait for answers) and carries each around the
 * loop through the services' APIs as the staff would: the branch's dispatcher accepts and resolves the ticket, the
 * agent records the callback as satisfied, until the complaint is closed. A share of the complaints is neglected:
 * registered and never accepted, so that their sign-for limit passes and they must escalate.
 * <p>
 * A registration that gets no 201 (no answer in time, 503 while the store is away, a service being restarted) is
 * sent again with the same {@code Idempotency-Key} until it does, backing off as a well-behaved client would; every
 * other step
 * reads the state it acts on first and is simply tried again on its next turn, so that a fault costs time, never a
 * step.
 */
final class LoopDriver implements AutoCloseable {

    static final List<String> CATEGORIES = List.of("BILLING", "INSTALLATION_REPAIR", "NETWORK_QUALITY",
            "SERVICE_ATTITUDE", "TARIFF_PRODUCT", "OTHER");
    static final List<String> DISTRICTS = List.of("Lixia", "Shizhong", "Huaiyin", "Tianqiao", "Licheng");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The first wait before a turn that moved nothing is tried again; it doubles each time, up to {@link #LONGEST}. */
    private static final Duration AGAIN = Duration.ofMillis(500);
    private static final Duration LONGEST = Duration.ofSeconds(8);
    private static final int MAX_STEPS_IN_FLIGHT = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a complaint is in the loop, as the driver knows it. */
    enum Stage { REGISTERING, AWAIT_TICKET, ACCEPT, RESOLVE, AWAIT_CALLBACK, AWAIT_CLOSE, CLOSED, NEGLECTED }

    /**
     * One registration request.
     *
     * @param at     when it was sent
     * @param millis how long until its answer (or until it failed)
     * @param status the answer's status, 0 when none came
     */
    record Attempt(Instant at, long millis, int status) {
    }

    /** One complaint the driver registered (or is registering) and carries around the loop. */
    static final class Driven {

        final String key = UUID.randomUUID().toString();
        final String body;
        final boolean neglected;
        final Instant offeredAt;
        /** Every complaint id a 201 named for this key: exactly one if the key works. */
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        volatile Stage stage = Stage.REGISTERING;
        /** How many registration requests it took. */
        volatile int attempts;
        volatile Instant registeredAt;
        volatile String ticketId;
        /** When the driver first saw the complaint's ticket at the router. */
        volatile Instant ticketAt;
        volatile String branch;
        volatile Instant closedAt;
        volatile Instant nextTurn;
        volatile boolean busy;
        /** How many turns in a row moved nothing: the wait before the next grows with it. */
        volatile int idleTurns;

        Driven(String body, boolean neglected, Instant offeredAt) {
            this.body = body;
            this.neglected = neglected;
            this.offeredAt = offeredAt;
            this.nextTurn = offeredAt;
        }

        String id() {
            return ids.isEmpty() ? null : ids.iterator().next();
        }
    }

    private final ChaosParts parts;
    private final StaffTokens tokens;
    private final HttpClient http;
    private final Clock clock;
    private final double rate;
    private final int neglectEvery;
    private final Random random;
    private final List<Driven> driven = Collections.synchronizedList(new ArrayList<>());
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger stepsInFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong answers = new java.util.concurrent.atomic.AtomicLong();
    /** Each answer with a 5xx status other than 503: a fault must be answered 503 (or not at all), never 500. */
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final Thread turns;
    private volatile boolean registering = true;
    private volatile boolean running = true;

    /**
     * @param rate         complaints offered per second
     * @param neglectEvery every how many complaints one is neglected (0: none)
     */
    LoopDriver(ChaosParts parts, HttpClient http, Clock clock, double rate, int neglectEvery, long seed) {
        this.parts = parts;
        this.http = http;
        this.clock = clock;
        this.rate = rate;
        this.neglectEvery = neglectEvery;
        this.random = new Random(seed);
        this.tokens = new StaffTokens(http, parts.url("identity-issuer"));
        this.turns = new Thread(this::run, "chaos-driver");
        this.turns.setDaemon(true);
    }

    void start() {
        tokens.of(StaffTokens.AGENT);
        tokens.of(StaffTokens.SUPERVISOR);
        turns.start();
    }

    /** No more new complaints; those registered go on around the loop. */
    void stopRegistering() {
        registering = false;
    }

    /** Whether every complaint got its 201 and every one not neglected is closed. */
    boolean drained() {
        synchronized (driven) {
            return driven.stream().allMatch(complaint -> complaint.stage == Stage.CLOSED
                    || complaint.stage == Stage.NEGLECTED);
        }
    }

    List<Driven> complaints() {
        synchronized (driven) {
            return List.copyOf(driven);
        }
    }

    /** How many answers any request got. */
    long answers() {
        return answers.get();
    }

    /** The method, path and status of each answer with a 5xx status other than 503. */
    List<String> serverErrors() {
        synchronized (serverErrors) {
            return List.copyOf(serverErrors);
        }
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    private void run() {
        Instant began = clock.instant();
        long offered = 0;
        while (running) {
            Instant now = clock.instant();
            long due = (long) (Duration.between(began, now).toMillis() * rate / 1000.0) + 1;
            while (registering && offered < due) {
                offered++;
                boolean neglected = neglectEvery > 0 && offered % neglectEvery == 0;
                driven.add(new Driven(body(), neglected, now));
            }
            for (Driven complaint : complaints()) {
                if (complaint.busy || complaint.stage == Stage.CLOSED || complaint.stage == Stage.NEGLECTED
                        || complaint.nextTurn.isAfter(now)) {
                    continue;
                }
                if (complaint.stage == Stage.REGISTERING) {
                    turn(complaint, register(complaint));
                } else if (stepsInFlight.get() < MAX_STEPS_IN_FLIGHT) {
                    stepsInFlight.incrementAndGet();
                    turn(complaint, step(complaint).whenComplete((stage, failure) -> stepsInFlight.decrementAndGet()));
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Runs one turn of a complaint: the stage it ends in. A turn that moved nothing is tried again after a wait that
     * doubles from half a second up to 8 s, so that a service that is away or behind is not flooded meanwhile.
     */
    private void turn(Driven complaint, CompletableFuture<Stage> step) {
        complaint.busy = true;
        Stage before = complaint.stage;
        step.exceptionally(failure -> before).thenAccept(stage -> {
            complaint.stage = stage;
            complaint.idleTurns = stage == before ? complaint.idleTurns + 1 : 0;
            Duration wait = complaint.idleTurns == 0 ? Duration.ZERO
                    : AGAIN.multipliedBy(1L << Math.min(complaint.idleTurns - 1, 4));
            complaint.nextTurn = clock.instant().plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
            if (stage == Stage.CLOSED) {
                complaint.closedAt = clock.instant();
            }
            complaint.busy = false;
        });
    }

    private CompletableFuture<Stage> register(Driven complaint) {
        Instant sent = clock.instant();
        complaint.attempts++;
        HttpRequest request = request(parts.url("complaint-intake") + "/api/v1/complaints", StaffTokens.AGENT)
                .header("Idempotency-Key", complaint.key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(complaint.body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete(this::note)
                .handle((response, failure) -> {
            Instant answered = clock.instant();
            int status = failure == null ? response.statusCode() : 0;
            attempts.add(new Attempt(sent, Duration.between(sent, answered).toMillis(), status));
            if (status != 201 && status != 200) {
                return Stage.REGISTERING;
            }
            complaint.ids.add(read(response.body()).get("id").asText());
            if (complaint.registeredAt == null) {
                complaint.registeredAt = answered;
            }
            return complaint.neglected ? Stage.NEGLECTED : Stage.AWAIT_TICKET;
        });
    }

    private CompletableFuture<Stage> step(Driven complaint) {
        return switch (complaint.stage) {
            case AWAIT_TICKET -> get(parts.url("ticket-router") + "/api/v1/tickets?complaintId=" + complaint.id(),
                    StaffTokens.SUPERVISOR).thenApply(tickets -> ticketStage(complaint, tickets));
            case ACCEPT -> post(ticketUrl(complaint) + "/accept", tokens.dispatcherOf(complaint.branch), null)
                    .thenApply(status -> status / 100 == 2 ? Stage.RESOLVE
                            : status == 409 ? Stage.AWAIT_TICKET : Stage.ACCEPT);
            case RESOLVE -> post(ticketUrl(complaint) + "/resolve", tokens.dispatcherOf(complaint.branch),
                    Map.of("resolution", "Refunded the wrong charge", "rootCause", "BILLING_SYSTEM",
                            "responsibleParty", "billing department"))
                    .thenApply(status -> status / 100 == 2 ? Stage.AWAIT_CALLBACK
                            : status == 409 ? Stage.AWAIT_TICKET : Stage.RESOLVE);
            case AWAIT_CALLBACK -> get(parts.url("notification-service") + "/api/v1/callbacks?status=OPEN&complaintId="
                    + complaint.id(), StaffTokens.AGENT).thenCompose(this::recordSatisfied);
            case AWAIT_CLOSE -> get(parts.url("complaint-intake") + "/api/v1/complaints/" + complaint.id(),
                    StaffTokens.AGENT).thenApply(found -> "CLOSED".equals(found.path("status").asText())
                    ? Stage.CLOSED : Stage.AWAIT_CALLBACK);
            default -> CompletableFuture.completedFuture(complaint.stage);
        };
    }

    /** The next stage from the complaint's ticket as the router shows it; the ticket noted once it has one. */
    private Stage ticketStage(Driven complaint, JsonNode tickets) {
        if (!tickets.isArray() || tickets.isEmpty()) {
            return Stage.AWAIT_TICKET;
        }
        JsonNode ticket = tickets.get(0);
        if (complaint.ticketAt == null) {
            complaint.ticketAt = clock.instant();
        }
        complaint.ticketId = ticket.get("id").asText();
        complaint.branch = ticket.get("branch").asText();
        return switch (ticket.get("status").asText()) {
            case "ASSIGNED" -> Stage.ACCEPT;
            case "ACCEPTED", "IN_PROGRESS" -> Stage.RESOLVE;
            case "RESOLVED" -> Stage.AWAIT_CALLBACK;
            default -> Stage.AWAIT_TICKET;
        };
    }

    /** Records the open callback as satisfied, then looks for the complaint's closing; with none open, looks too. */
    private CompletableFuture<Stage> recordSatisfied(JsonNode callbacks) {
        if (!callbacks.isArray() || callbacks.isEmpty()) {
            return CompletableFuture.completedFuture(Stage.AWAIT_CLOSE);
        }
        String callback = callbacks.get(0).get("id").asText();
        return post(parts.url("notification-service") + "/api/v1/callbacks/" + callback + "/outcome",
                tokens.of(StaffTokens.AGENT), Map.of("outcome", "SATISFIED", "note", "Called back; happy"))
                .thenApply(status -> Stage.AWAIT_CLOSE);
    }

    private String ticketUrl(Driven complaint) {
        return parts.url("ticket-router") + "/api/v1/tickets/" + complaint.ticketId;
    }

    private CompletableFuture<JsonNode> get(String url, String user) {
        return http.sendAsync(request(url, user).GET().build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete(this::note)
                .thenApply(response -> response.statusCode() == 200 ? read(response.body())
                        : JSON.createObjectNode());
    }

    private CompletableFuture<Integer> post(String url, String token, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : write(body))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete(this::note)
                .thenApply(HttpResponse::statusCode);
    }

    /** Counts an answer, and notes it when it is a 5xx other than 503. */
    private void note(HttpResponse<?> response, Throwable failure) {
        if (response == null) {
            return;
        }
        answers.incrementAndGet();
        if (response.statusCode() >= 500 && response.statusCode() != 503) {
            serverErrors.add(response.request().method() + " " + response.request().uri().getPath() + " "
                    + response.statusCode());
        }
    }

    private HttpRequest.Builder request(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + tokens.of(user));
    }

    /** A complaint of any category and district, from one of 2,000 customers (so some complain again). */
    private String body() {
        int customer = random.nextInt(2_000);
        return write(Map.of("channel", "HOTLINE",
                "category", CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                "district", DISTRICTS.get(random.nextInt(DISTRICTS.size())),
                "customer", Map.of("name", "Customer " + customer, "phone", "1390000" + String.format("%04d", customer)),
                "description", "Chaos run complaint " + UUID.randomUUID()));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        turns.join(5_000);
    }
}
