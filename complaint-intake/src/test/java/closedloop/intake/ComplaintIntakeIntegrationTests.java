package closedloop.intake;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.Customer;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.Topics;
import closedloop.intake.complaint.ComplaintNumber;
import closedloop.intake.complaint.Complaints;
import closedloop.platform.events.CloudEvents;
import closedloop.testsupport.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * complaint-intake against a real broker and a MongoDB-wire store: the HTTP API, the events it publishes and the
 * events it takes in. Each test uses its own complaints, so the tests do not see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ComplaintIntakeApplication.NAME)
@AutoConfigureWebTestClient(timeout = "30s")
abstract class ComplaintIntakeIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient web;
    @Autowired
    Complaints complaints;
    @Autowired
    MutableClock clock;
    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new KafkaProbe(bootstrapServers);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void registersAComplaintAndPublishesComplaintRegistered() {
        String phone = uniquePhone();
        var response = web.post().uri("/api/v1/complaints").header("X-Actor", "agent-017")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request("HOTLINE", "BILLING", "Wang Fang", phone, "Lixia", "Charged twice"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();
        JsonNode body = response.getResponseBody();
        String id = body.get("id").asText();

        assertThat(response.getResponseHeaders().getLocation()).hasToString("/api/v1/complaints/" + id);
        assertThat(body.get("status").asText()).isEqualTo("REGISTERED");
        String number = body.get("number").asText();
        assertThat(number).matches(ComplaintNumber.FORMAT).startsWith("TS-20261123-");

        ComplaintRegistered registered = probe.awaitEvent(ComplaintRegistered.class, e -> e.complaintId().equals(id));
        assertThat(registered).isEqualTo(new ComplaintRegistered(registered.eventId(), clock.instant(), id, number,
                Channel.HOTLINE, Category.BILLING, Priority.NORMAL, new Customer("Wang Fang", phone), "Lixia",
                "Charged twice", "agent-017"));
        Golden.assertSameShape(registered);

        ConsumerRecord<String, String> record = recordOf(registered);
        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, CloudEvents.ID)).isEqualTo(registered.eventId().toString());
        assertThat(header(record, CloudEvents.TYPE)).isEqualTo("closedloop.complaint.registered.v1");
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/closedloop/complaint-intake");
        assertThat(header(record, CloudEvents.TIME)).isEqualTo("2026-11-23T01:00:00Z");
        assertThat(header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        JsonNode json = tree(record.value());
        assertThat(json.get("occurredAt").isTextual()).isTrue();
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-23T01:00:00Z");
    }

    @Test
    void showsTheRegisteredComplaintWithItsTimeline() {
        String phone = uniquePhone();
        String id = register("MEDIA", phone);

        JsonNode complaint = get(id);

        assertThat(complaint.get("id").asText()).isEqualTo(id);
        assertThat(complaint.get("number").asText()).matches(ComplaintNumber.FORMAT);
        assertThat(complaint.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(complaint.get("channel").asText()).isEqualTo("MEDIA");
        assertThat(complaint.get("category").asText()).isEqualTo("NETWORK_QUALITY");
        assertThat(complaint.get("priority").asText()).isEqualTo("URGENT");
        assertThat(complaint.get("customer").get("name").asText()).isEqualTo("Li Lei");
        assertThat(complaint.get("customer").get("phone").asText()).isEqualTo(phone);
        assertThat(complaint.get("district").asText()).isEqualTo("Shizhong");
        assertThat(complaint.get("description").asText()).isEqualTo("No signal at home since Monday");
        assertThat(complaint.get("registeredAt").asText()).isEqualTo("2026-11-23T01:00:00Z");
        assertThat(complaint.get("closedOutcome").isNull()).isTrue();
        assertThat(complaint.get("reopenCount").asInt()).isZero();
        JsonNode entry = complaint.get("timeline").get(0);
        assertThat(complaint.get("timeline")).hasSize(1);
        assertThat(entry.get("type").asText()).isEqualTo("closedloop.complaint.registered.v1");
        assertThat(entry.get("at").asText()).isEqualTo("2026-11-23T01:00:00Z");
        assertThat(entry.get("source").asText()).isEqualTo("complaint-intake");
        assertThat(entry.get("summary").asText()).contains(complaint.get("number").asText());
        assertThat(entry.get("eventId").asText())
                .isEqualTo(probe.awaitEvent(ComplaintRegistered.class, e -> e.complaintId().equals(id)).eventId().toString());
    }

    @Test
    void takesTheActorAsAnonymousWhenNoneIsGiven() {
        String phone = uniquePhone();
        String id = web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request("REGULATOR", "OTHER", "Han Mei", phone, "Lixia", "Nobody answers"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        ComplaintRegistered registered = probe.awaitEvent(ComplaintRegistered.class, e -> e.complaintId().equals(id));
        assertThat(registered.actor()).isEqualTo("anonymous");
        assertThat(registered.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void rejectsMissingFieldsNamingEveryOneAndStoresNothing() {
        assertRejectedNamingFields(Map.of(), "category", "channel", "customer", "description", "district");
        Map<String, Object> blanks = new HashMap<>(request("HOTLINE", "BILLING", " ", "", " ", ""));
        assertRejectedNamingFields(blanks, "customer.name", "customer.phone", "description", "district");
    }

    @Test
    void rejectsUnknownChannelAndCategoryAndABadPhoneTogether() {
        assertRejectedNamingFields(request("CARRIER_PIGEON", "WEATHER", "Wang Fang", "12345", "Lixia", "Charged twice"),
                "category", "channel", "customer.phone");
    }

    @Test
    void rejectsAnEmptyOrTooLongDescriptionAndOverlongNames() {
        assertRejectedNamingFields(request("HOTLINE", "BILLING", "Wang Fang", uniquePhone(), "Lixia", ""),
                "description");
        assertRejectedNamingFields(request("HOTLINE", "BILLING", "W".repeat(101), uniquePhone(), "L".repeat(51),
                "x".repeat(2001)), "customer.name", "description", "district");
    }

    @Test
    void acceptsLandlineNumbersWithAndWithoutTheDash() {
        for (String phone : List.of("0531-88886666", "053188886666", "010-12345678")) {
            web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(request("COUNTER", "BILLING", "Wang Fang", phone, "Lixia", "Charged twice"))
                    .exchange().expectStatus().isCreated();
        }
    }

    @Test
    void rejectsMalformedJsonAndStoresNothing() {
        long before = complaints.count().block();
        String marker = "malformed-" + UUID.randomUUID();

        web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"channel\":\"HOTLINE\",\"description\":\"" + marker + "\",")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
        web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"channel\":\"HOTLINE\",\"customer\":\"" + marker + "\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customer");

        assertNothingStoredOrPublished(before);
    }

    @Test
    void answersNotFoundForAnUnknownComplaint() {
        String id = UUID.randomUUID().toString();
        web.get().uri("/api/v1/complaints/{id}", id).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(id));
    }

    @Test
    void closesTheComplaintWhenTheSatisfiedCallbackFollowsResolution() {
        String id = register("HOTLINE", uniquePhone());
        TicketAssigned assigned = assigned(id, null);
        TicketResolved resolved = resolved(id);
        CallbackCompleted callback = callback(id, CallbackOutcome.SATISFIED);

        probe.publish(assigned);
        awaitStatus(id, "ASSIGNED");
        probe.publish(resolved);
        awaitStatus(id, "RESOLVED");
        probe.publish(callback);
        JsonNode complaint = awaitStatus(id, "CLOSED");

        assertThat(complaint.get("closedOutcome").asText()).isEqualTo("SATISFIED");
        assertThat(types(complaint)).containsExactly("closedloop.complaint.registered.v1",
                "closedloop.ticket.assigned.v1", "closedloop.ticket.resolved.v1",
                "closedloop.contact.callback-completed.v1", "closedloop.complaint.closed.v1");
        JsonNode resolvedEntry = complaint.get("timeline").get(2);
        assertThat(resolvedEntry.get("eventId").asText()).isEqualTo(resolved.eventId().toString());
        assertThat(resolvedEntry.get("source").asText()).isEqualTo("test");
        assertThat(resolvedEntry.get("summary").asText()).isEqualTo(resolved.summary());
        assertThat(resolvedEntry.get("at").asText()).isEqualTo(resolved.occurredAt().toString());

        ComplaintClosed closed = probe.awaitEvent(ComplaintClosed.class, e -> e.complaintId().equals(id));
        assertThat(closed.eventId()).isEqualTo(EventIds.derived(callback.eventId(), "close"));
        assertThat(closed.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(closed.actor()).isEqualTo(callback.actor());
        Golden.assertSameShape(closed);
        assertThat(recordOf(closed).key()).isEqualTo(id);
        assertThat(complaint.get("timeline").get(4).get("eventId").asText()).isEqualTo(closed.eventId().toString());
    }

    @Test
    void reopensOnePriorityUpWhenTheCustomerIsUnsatisfied() {
        String id = register("HOTLINE", uniquePhone());
        TicketAssigned first = assigned(id, null);
        probe.publish(first);
        probe.publish(resolved(id));
        awaitStatus(id, "RESOLVED");
        CallbackCompleted callback = callback(id, CallbackOutcome.UNSATISFIED);

        probe.publish(callback);
        JsonNode complaint = awaitStatus(id, "REOPENED");

        assertThat(complaint.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(complaint.get("priority").asText()).isEqualTo("URGENT");
        assertThat(complaint.get("closedOutcome").isNull()).isTrue();
        ComplaintReopened reopened = probe.awaitEvent(ComplaintReopened.class, e -> e.complaintId().equals(id));
        assertThat(reopened.eventId()).isEqualTo(EventIds.derived(callback.eventId(), "reopen"));
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.priority()).isEqualTo(Priority.URGENT);
        Golden.assertSameShape(reopened);
        assertThat(probe.events(ComplaintClosed.class)).noneMatch(e -> e.complaintId().equals(id));

        probe.publish(assigned(id, first.ticketId()));
        assertThat(types(awaitStatus(id, "ASSIGNED"))).endsWith("closedloop.complaint.reopened.v1",
                "closedloop.ticket.assigned.v1");
    }

    @Test
    void putsAnEventPublishedTwiceOnTheTimelineOnce() {
        String id = register("HOTLINE", uniquePhone());
        TicketAssigned assigned = assigned(id, null);
        TicketAccepted accepted = accepted(id);

        probe.publish(assigned);
        probe.publish(assigned);
        probe.publish(accepted);

        JsonNode complaint = awaitTimeline(id, "closedloop.ticket.accepted.v1");
        assertThat(types(complaint)).containsExactly("closedloop.complaint.registered.v1",
                "closedloop.ticket.assigned.v1", "closedloop.ticket.accepted.v1");
        assertThat(complaint.get("status").asText()).isEqualTo("ASSIGNED");
    }

    @Test
    void deadLettersAPoisonRecordAndStillAppliesTheNextEvent() {
        String id = register("HOTLINE", uniquePhone());
        ProducerRecord<String, String> noType = new ProducerRecord<>(Topics.ROUTER_TICKET, id, "{\"not\":\"an event\"}");
        ProducerRecord<String, String> badBody = CloudEvents.toRecord(assigned(id, null), "/closedloop/test");
        ProducerRecord<String, String> misfit = new ProducerRecord<>(Topics.ROUTER_TICKET, null, id,
                "{\"occurredAt\":\"yesterday\"}", badBody.headers());

        probe.send(noType);
        probe.send(misfit);
        probe.publish(assigned(id, null));

        awaitStatus(id, "ASSIGNED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(probe.records(Topics.deadLetter(Topics.ROUTER_TICKET)))
                .filteredOn(record -> id.equals(record.key()))
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder(noType.value(), misfit.value()));
        assertThat(types(get(id))).containsExactly("closedloop.complaint.registered.v1",
                "closedloop.ticket.assigned.v1");
    }

    @Test
    void takesInEventsFromEscalationAndNotificationToo() {
        String id = register("HOTLINE", uniquePhone());
        ClockStarted golden = (ClockStarted) Golden.event(EventType.CLOCK_STARTED);
        ClockStarted started = new ClockStarted(UUID.randomUUID(), clock.instant(), id, golden.ticketId(),
                golden.branch(), golden.clock(), golden.deadline());
        CallbackOpened goldenOpened = (CallbackOpened) Golden.event(EventType.CALLBACK_OPENED);
        CallbackOpened opened = new CallbackOpened(UUID.randomUUID(), clock.instant(), id, goldenOpened.callbackId(),
                goldenOpened.ticketId(), goldenOpened.branch(), goldenOpened.dueAt());

        probe.publish(started);
        probe.publish(opened);

        JsonNode complaint = awaitTimeline(id, "closedloop.sla.clock-started.v1", "closedloop.contact.callback-opened.v1");
        assertThat(complaint.get("status").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void skipsEventsOfAnUnknownComplaint() {
        String unknown = UUID.randomUUID().toString();
        String id = register("HOTLINE", uniquePhone());

        probe.publish(assigned(unknown, null));
        probe.publish(assigned(id, null));

        awaitStatus(id, "ASSIGNED");
        assertThat(complaints.existsById(unknown).block()).isFalse();
        assertThat(probe.records(Topics.deadLetter(Topics.ROUTER_TICKET))).noneMatch(r -> unknown.equals(r.key()));
    }

    @Test
    void givesFiftyConcurrentRegistrationsFiftyDistinctNumbers() {
        WebClient client = WebClient.create("http://localhost:" + port);
        List<String> numbers = Flux.range(0, 50)
                .flatMap(i -> client.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(request("ONLINE", "BILLING", "Zhao " + i, uniquePhone(), "Lixia", "Concurrent " + i))
                        .retrieve().bodyToMono(JsonNode.class)
                        .map(body -> body.get("number").asText()), 50)
                .collectList()
                .block(PATIENCE);

        assertThat(numbers).hasSize(50).doesNotHaveDuplicates().allMatch(n -> n.matches(ComplaintNumber.FORMAT.pattern()));
    }

    @Test
    void numbersByTheOperatorsCalendarDayCountingFromOne() {
        Instant before = clock.instant();
        clock.setInstant(Instant.parse("2027-03-14T16:30:00Z"));
        try {
            String first = registeredNumber();
            String second = registeredNumber();
            assertThat(first).isEqualTo("TS-20270315-000001");
            assertThat(second).isEqualTo("TS-20270315-000002");
        } finally {
            clock.setInstant(before);
        }
    }

    // --- fixtures ---

    private void assertRejectedNamingFields(Map<String, Object> body, String... fields) {
        long before = complaints.count().block();

        JsonNode problem = web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(error -> named.add(error.get("field").asText()));
        assertThat(named).containsOnly(fields);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertNothingStoredOrPublished(before);
    }

    /**
     * Nothing stored, and nothing published: once a good registration made after the rejected one came out of the
     * outbox, every complaint ever published is one that is stored.
     */
    private void assertNothingStoredOrPublished(long countBefore) {
        assertThat(complaints.count().block()).isEqualTo(countBefore);
        String sentinel = register("HOTLINE", uniquePhone());
        probe.awaitEvent(ComplaintRegistered.class, e -> e.complaintId().equals(sentinel));
        assertThat(complaints.count().block()).isEqualTo(countBefore + 1);
        List<String> published = probe.events(ComplaintRegistered.class).stream()
                .map(ComplaintRegistered::complaintId).distinct().toList();
        assertThat(complaints.findAllById(published).count().block()).isEqualTo(published.size());
    }

    private String register(String channel, String phone) {
        return web.post().uri("/api/v1/complaints").header("X-Actor", "agent-017")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(channel, "NETWORK_QUALITY", "Li Lei", phone, "Shizhong", "No signal at home since Monday"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private String registeredNumber() {
        return web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request("HOTLINE", "BILLING", "Sun Li", uniquePhone(), "Lixia", "Late at night"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("number").asText();
    }

    private static Map<String, Object> request(String channel, String category, String name, String phone,
                                               String district, String description) {
        return Map.of("channel", channel, "category", category, "customer", Map.of("name", name, "phone", phone),
                "district", district, "description", description);
    }

    private JsonNode get(String id) {
        return web.get().uri("/api/v1/complaints/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(PATIENCE).until(() -> get(id), complaint -> complaint.get("status").asText().equals(status));
    }

    private JsonNode awaitTimeline(String id, String... types) {
        return await().atMost(PATIENCE).until(() -> get(id), complaint -> types(complaint).containsAll(List.of(types)));
    }

    private static List<String> types(JsonNode complaint) {
        List<String> types = new ArrayList<>();
        complaint.get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    /** The golden TicketAssigned, rewritten for this complaint with a fresh id. */
    private TicketAssigned assigned(String complaintId, String previousTicketId) {
        TicketAssigned golden = (TicketAssigned) Golden.event(EventType.TICKET_ASSIGNED);
        return new TicketAssigned(UUID.randomUUID(), clock.instant(), complaintId,
                previousTicketId == null ? golden.ticketId() : UUID.randomUUID().toString(), golden.branch(),
                golden.category(), golden.priority(), previousTicketId);
    }

    private TicketAccepted accepted(String complaintId) {
        TicketAccepted golden = (TicketAccepted) Golden.event(EventType.TICKET_ACCEPTED);
        return new TicketAccepted(UUID.randomUUID(), clock.instant(), complaintId, golden.ticketId(), golden.branch(),
                golden.actor());
    }

    private TicketResolved resolved(String complaintId) {
        TicketResolved golden = (TicketResolved) Golden.event(EventType.TICKET_RESOLVED);
        return new TicketResolved(UUID.randomUUID(), clock.instant(), complaintId, golden.ticketId(), golden.branch(),
                golden.resolution(), golden.actor());
    }

    private CallbackCompleted callback(String complaintId, CallbackOutcome outcome) {
        CallbackCompleted golden = (CallbackCompleted) Golden.event(EventType.CALLBACK_COMPLETED);
        return new CallbackCompleted(UUID.randomUUID(), clock.instant(), complaintId, golden.callbackId(),
                golden.ticketId(), outcome, golden.note(), golden.actor());
    }

    private ConsumerRecord<String, String> recordOf(ClosedLoopEvent event) {
        return probe.records(Topics.INTAKE_COMPLAINT).stream()
                .filter(record -> event.eventId().toString().equals(header(record, CloudEvents.ID)))
                .findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uniquePhone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }
}
