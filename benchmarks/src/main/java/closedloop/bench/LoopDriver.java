package closedloop.bench;

import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.Topics;
import closedloop.contracts.TicketAssigned;
import closedloop.platform.events.CloudEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Keeps complaints coming at a fixed rate (open model: arrivals do not wait for answers) and carries them around the
 * loop through the services' APIs as the staff would: each branch's dispatcher works the branch's queue of new
 * tickets (accepts and resolves each), the agent works the queue of open callbacks (records each as satisfied).
 * Whether a complaint got its ticket and was closed is read from the topics, as it happens. A share of the
 * complaints is neglected: their tickets are never accepted, so that their sign-for limit passes and they must
 * escalate.
 * <p>
 * A registration that gets no 201 (no answer in time, 503 while the store is away, a service being restarted) is
 * sent again with the same {@code Idempotency-Key} until it does, backing off from half a second to 8 s as a
 * well-behaved client would. The staff's turns come every second; what one could not do (a service away) is found
 * in the queue again on the next.
 */
final class LoopDriver implements AutoCloseable {

    static final List<String> CATEGORIES = List.of("BILLING", "INSTALLATION_REPAIR", "NETWORK_QUALITY",
            "SERVICE_ATTITUDE", "TARIFF_PRODUCT", "OTHER");
    static final List<String> DISTRICTS = List.of("Lixia", "Shizhong", "Huaiyin", "Tianqiao", "Licheng");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The first wait before a registration is sent again; it doubles each time, up to {@link #LONGEST}. */
    private static final Duration AGAIN = Duration.ofMillis(500);
    private static final Duration LONGEST = Duration.ofSeconds(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a complaint is in the loop, as the driver knows it. */
    enum Stage { REGISTERING, REGISTERED, CLOSED, NEGLECTED }

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
        /** When its ticket was published (the router's {@code TicketAssigned}). */
        volatile Instant ticketAt;
        /** When it was closed (intake's {@code ComplaintClosed}). */
        volatile Instant closedAt;
        volatile Instant nextTurn;
        volatile boolean busy;

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
    private final Map<String, Driven> byId = new ConcurrentHashMap<>();
    /** Complaint ids seen on the topics before their 201 reached the driver, with when. */
    private final Map<String, Instant> earlyTickets = new ConcurrentHashMap<>();
    private final Map<String, Instant> earlyClosings = new ConcurrentHashMap<>();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong answers = new AtomicLong();
    /** Each answer with a 5xx status other than 503: a fault must be answered 503 (or not at all), never 500. */
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService staff = Executors.newFixedThreadPool(4, daemon("chaos-staff"));
    private final List<Thread> threads = new ArrayList<>();
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
    }

    void start() {
        tokens.of(StaffTokens.AGENT);
        tokens.branches().forEach(tokens::dispatcherOf);
        threads.add(daemon("chaos-registrations").newThread(this::registrations));
        threads.add(daemon("chaos-staff-turns").newThread(this::staffTurns));
        threads.add(daemon("chaos-topics").newThread(this::watchTopics));
        threads.forEach(Thread::start);
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

    /** Offers complaints at the rate and sends each registration until it is answered 201. */
    private void registrations() {
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
                if (complaint.stage == Stage.REGISTERING && !complaint.busy && !complaint.nextTurn.isAfter(now)) {
                    register(complaint);
                }
            }
            if (!pause(Duration.ofMillis(50))) {
                return;
            }
        }
    }

    private void register(Driven complaint) {
        complaint.busy = true;
        complaint.attempts++;
        Instant sent = clock.instant();
        HttpRequest request = request(parts.url("complaint-intake") + "/api/v1/complaints",
                tokens.of(StaffTokens.AGENT)).header("Idempotency-Key", complaint.key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(complaint.body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete(this::note)
                .whenComplete((response, failure) -> {
                    Instant answered = clock.instant();
                    int status = failure == null ? response.statusCode() : 0;
                    attempts.add(new Attempt(sent, Duration.between(sent, answered).toMillis(), status));
                    if (status == 201 || status == 200) {
                        registered(complaint, read(response.body()).path("id").asText(), answered);
                    } else {
                        Duration wait = AGAIN.multipliedBy(1L << Math.min(complaint.attempts - 1, 4));
                        complaint.nextTurn = answered.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
                    }
                    complaint.busy = false;
                });
    }

    private void registered(Driven complaint, String id, Instant answered) {
        complaint.ids.add(id);
        if (complaint.registeredAt != null) {
            return;
        }
        complaint.registeredAt = answered;
        byId.put(id, complaint);
        complaint.stage = complaint.neglected ? Stage.NEGLECTED : Stage.REGISTERED;
        Instant ticket = earlyTickets.remove(id);
        if (ticket != null) {
            complaint.ticketAt = ticket;
        }
        Instant closed = earlyClosings.remove(id);
        if (closed != null) {
            closed(complaint, closed);
        }
    }

    /** Every second: each branch's dispatcher works its queue, then the agent works the open callbacks. */
    private void staffTurns() {
        while (running) {
            List<Callable<Object>> work = new ArrayList<>();
            for (String branch : tokens.branches()) {
                work.add(() -> workBranch(branch));
            }
            work.add(this::workCallbacks);
            try {
                staff.invokeAll(work);
            } catch (InterruptedException e) {
                return;
            }
            if (!pause(Duration.ofSeconds(1))) {
                return;
            }
        }
    }

    /** The dispatcher accepts and resolves the branch's new tickets and resolves those accepted before. */
    private Object workBranch(String branch) {
        String token = tokens.dispatcherOf(branch);
        for (JsonNode ticket : get(parts.url("ticket-router") + "/api/v1/tickets?branch=" + branch
                + "&status=ASSIGNED&limit=500", token)) {
            if (ours(ticket) && post(ticketUrl(ticket) + "/accept", token, null) / 100 == 2) {
                resolve(ticket, token);
            }
        }
        for (JsonNode ticket : get(parts.url("ticket-router") + "/api/v1/tickets?branch=" + branch
                + "&status=ACCEPTED&limit=500", token)) {
            if (ours(ticket)) {
                resolve(ticket, token);
            }
        }
        return null;
    }

    private void resolve(JsonNode ticket, String token) {
        post(ticketUrl(ticket) + "/resolve", token, Map.of("resolution", "Refunded the wrong charge",
                "rootCause", "BILLING_SYSTEM", "responsibleParty", "billing department"));
    }

    /** The agent records each open callback of a driven complaint as satisfied. */
    private Object workCallbacks() {
        String token = tokens.of(StaffTokens.AGENT);
        for (JsonNode callback : get(parts.url("notification-service") + "/api/v1/callbacks?status=OPEN&size=100",
                token)) {
            Driven complaint = byId.get(callback.path("complaintId").asText());
            if (complaint != null && !complaint.neglected) {
                post(parts.url("notification-service") + "/api/v1/callbacks/" + callback.path("id").asText()
                        + "/outcome", token, Map.of("outcome", "SATISFIED", "note", "Called back; happy"));
            }
        }
        return null;
    }

    /** Whether the ticket is of a complaint this driver registered and does not neglect. */
    private boolean ours(JsonNode ticket) {
        Driven complaint = byId.get(ticket.path("complaintId").asText());
        return complaint != null && !complaint.neglected;
    }

    private String ticketUrl(JsonNode ticket) {
        return parts.url("ticket-router") + "/api/v1/tickets/" + ticket.path("id").asText();
    }

    /** Notes from the topics when each complaint got its ticket and when it was closed. */
    private void watchTopics() {
        try (KafkaConsumer<String, String> consumer = BenchmarkSupport.topicReader(parts.kafka())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ROUTER_TICKET, Topics.INTAKE_COMPLAINT)) {
                IntStream.range(0, consumer.partitionsFor(topic, Duration.ofMinutes(1)).size())
                        .forEach(partition -> partitions.add(new TopicPartition(topic, partition)));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvents.fromRecord(record).ifPresent(event -> {
                        if (event instanceof TicketAssigned assigned) {
                            ticketed(assigned.complaintId(), clock.instant());
                        } else if (event instanceof ComplaintClosed closed) {
                            closed(closed.complaintId(), clock.instant());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                BenchmarkSupport.say("The topic watcher stopped: %s", e);
            }
        }
    }

    private void ticketed(String complaintId, Instant at) {
        Driven complaint = byId.get(complaintId);
        if (complaint == null) {
            earlyTickets.putIfAbsent(complaintId, at);
        } else if (complaint.ticketAt == null) {
            complaint.ticketAt = at;
        }
    }

    private void closed(String complaintId, Instant at) {
        Driven complaint = byId.get(complaintId);
        if (complaint == null) {
            earlyClosings.putIfAbsent(complaintId, at);
        } else {
            closed(complaint, at);
        }
    }

    private void closed(Driven complaint, Instant at) {
        if (complaint.closedAt == null) {
            complaint.closedAt = at;
            complaint.stage = Stage.CLOSED;
        }
    }

    /** The JSON array a GET answered, or an empty one when it answered anything else or nothing. */
    private JsonNode get(String url, String token) {
        try {
            HttpResponse<String> response = http.send(request(url, token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            note(response, null);
            JsonNode body = response.statusCode() == 200 ? read(response.body()) : null;
            return body != null && body.isArray() ? body : JSON.createArrayNode();
        } catch (java.io.IOException e) {
            return JSON.createArrayNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createArrayNode();
        }
    }

    /** The status a POST was answered with, 0 when none came. */
    private int post(String url, String token, Object body) {
        HttpRequest request = request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : write(body))).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            note(response, null);
            return response.statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
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

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).header("Authorization",
                "Bearer " + token);
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

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
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
        staff.shutdownNow();
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
