package closedloop.intake;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.Customer;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.Promise;
import closedloop.contracts.PromiseKind;
import closedloop.contracts.EventJson;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TimeBasis;
import closedloop.contracts.Topics;
import closedloop.intake.complaint.ComplaintNumber;
import closedloop.intake.complaint.Complaints;
import closedloop.intake.complaint.CustomerRecentComplaints;
import closedloop.intake.complaint.RecentComplaint;
import closedloop.intake.complaint.Repeats;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.kafka.HeldPartitions;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.SignedInTestClient;
import closedloop.testsupport.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Flux;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * complaint-intake against a real broker and a MongoDB-wire store: the HTTP API, the events it publishes and the
 * events it takes in. Each test uses its own complaints, so the tests do not see each other's data.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ComplaintIntakeApplication.NAME)
@AutoConfigureWebTestClient(timeout = "30s")
abstract class ComplaintIntakeIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    HeldPartitions held;
    @Autowired
    WebTestClient web;
    @Autowired
    Complaints complaints;
    @Autowired
    MutableClock clock;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Repeats repeats;
    @LocalServerPort
    int port;

    KafkaProbe probe;

    @Test
    void registersAComplaintAndPublishesComplaintRegistered() {
        String phone = uniquePhone();
        var response = web.post().uri("/api/v1/complaints").headers(TestIssuer.as("agent-017"))
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
                "Charged twice", "agent-017", null, "HOTLINE channel → NORMAL", false, List.of(), List.of()));
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
    void takesTheActorFromTheSignedInCallerWhateverXActorClaims() {
        String phone = uniquePhone();
        String id = web.post().uri("/api/v1/complaints").header("X-Actor", "mallory")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request("REGULATOR", "OTHER", "Han Mei", phone, "Lixia", "Nobody answers"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        ComplaintRegistered registered = probe.awaitEvent(ComplaintRegistered.class, e -> e.complaintId().equals(id));
        assertThat(registered.actor()).isEqualTo(TestIssuer.STAFF);
        assertThat(registered.priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void rejectsMissingFieldsNamingEveryOneAndStoresNothing() {
        assertRejectedNamingFields(Map.of(), "category", "channel", "customer", "description", "district",
                "location.district");
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
    void namesEachBadPromiseKindAndAmountAndARefundWithoutItsSum() {
        Map<String, Object> body = new HashMap<>(request("HOTLINE", "BILLING", "Wang Fang", uniquePhone(), "Lixia",
                "Charged twice"));
        body.put("promises", List.of(Map.of("text", "Refund twice the overcharge", "kind", "DOUBLE_REFUND"),
                Map.of("text", "Send flowers", "kind", "FLOWERS"),
                Map.of("text", "Refund", "kind", "REFUND", "amount", 0),
                Map.of("text", "Refund", "kind", "REFUND", "amount", 12.345)));

        assertRejectedNamingFields(body, "promises[0].amount", "promises[1].kind", "promises[2].amount",
                "promises[3].amount");
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
    void waitsForTheResolutionOfACallbackReadBeforeItAndClosesAsInOrder() {
        String id = register("HOTLINE", uniquePhone());
        probe.publish(assigned(id, null));
        awaitStatus(id, "ASSIGNED");
        CallbackCompleted callback = callback(id, CallbackOutcome.SATISFIED);

        probe.publish(callback);
        // more failed deliveries than a fixed number of retries would have allowed before dead-lettering it
        await().atMost(PATIENCE).until(() -> held.now().stream().anyMatch(partition ->
                partition.topic().equals(Topics.NOTIFICATION_CONTACT) && partition.attempts() >= 5
                        && partition.reason().contains("ResolutionNotYetApplied")));
        assertThat(get(id).get("status").asText()).isEqualTo("ASSIGNED");
        probe.publish(resolved(id));

        JsonNode complaint = awaitStatus(id, "CLOSED");
        assertThat(complaint.get("closedOutcome").asText()).isEqualTo("SATISFIED");
        assertThat(types(complaint)).containsExactly("closedloop.complaint.registered.v1",
                "closedloop.ticket.assigned.v1", "closedloop.ticket.resolved.v1",
                "closedloop.contact.callback-completed.v1", "closedloop.complaint.closed.v1");
        assertThat(probe.awaitEvent(ComplaintClosed.class, e -> e.complaintId().equals(id)).eventId())
                .isEqualTo(EventIds.derived(callback.eventId(), "close"));
        assertThat(probe.records(Topics.deadLetter(Topics.NOTIFICATION_CONTACT))).noneMatch(r -> id.equals(r.key()));
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
        WebClient client = WebClient.builder().filter(SignedInTestClient.asStaff())
                .baseUrl("http://localhost:" + port).build();
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

    // --- the full complaint (issue 3) ---

    @Test
    void registersAFullComplaintAndTellsTheAgentPriorityReasonAndReplyTime() {
        String phone = uniquePhone();
        Map<String, Object> body = fullBody(phone);
        set(body, "customer.vip", true);
        set(body, "priority", "MAJOR");
        set(body, "agent", "agent-042");

        var response = web.post().uri("/api/v1/complaints").headers(TestIssuer.as("agent-017"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();
        JsonNode answer = response.getResponseBody();
        String id = answer.get("id").asText();

        assertThat(response.getResponseHeaders().getLocation()).hasToString("/api/v1/complaints/" + id);
        assertThat(answer.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(answer.get("priority").asText()).isEqualTo("MAJOR");
        assertThat(answer.get("priorityReason").asText())
                .isEqualTo("HOTLINE channel → NORMAL; VIP → URGENT; raised by the agent → MAJOR");
        assertThat(answer.get("repeat").asBoolean()).isFalse();
        assertThat(answer.get("promisedReplyBy").asText()).isEqualTo(clock.instant().plus(Duration.ofHours(24)).toString());

        ComplaintRegistered registered = probe.awaitEvent(ComplaintRegistered.class, e -> e.complaintId().equals(id));
        assertThat(registered).isEqualTo(new ComplaintRegistered(registered.eventId(), clock.instant(), id,
                answer.get("number").asText(), Channel.HOTLINE, Category.BILLING, Priority.MAJOR,
                new Customer("Wang Fang", phone, "0531-2088-7731", true), "Lixia", "Charged twice", "agent-042",
                "12 Jingshi Road", answer.get("priorityReason").asText(), false, List.of(),
                List.of(new Promise("Refund twice the overcharge", Instant.parse("2026-12-01T10:00:00Z"),
                        PromiseKind.DOUBLE_REFUND, new BigDecimal("30.5")))));
        Golden.assertSameShape(registered);

        JsonNode complaint = get(id);
        assertThat(complaint.get("address").asText()).isEqualTo("12 Jingshi Road");
        assertThat(complaint.get("agent").asText()).isEqualTo("agent-042");
        assertThat(complaint.get("customer").get("accountNo").asText()).isEqualTo("0531-2088-7731");
        assertThat(complaint.get("promises").get(0).get("text").asText()).isEqualTo("Refund twice the overcharge");
        assertThat(complaint.get("timeline").get(0).get("actor").asText()).isEqualTo("agent-042");
    }

    @Test
    void ignoresALowerPriorityThanDerivedAndSaysSo() {
        Map<String, Object> body = fullBody(uniquePhone());
        set(body, "channel", "REGULATOR");
        set(body, "priority", "NORMAL");

        JsonNode answer = post(body).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("priority").asText()).isEqualTo("URGENT");
        assertThat(answer.get("priorityReason").asText())
                .isEqualTo("REGULATOR channel → URGENT; requested NORMAL ignored: it may not be lower than URGENT");
    }

    @Test
    void takesTheAgentFromTheHeaderAndTheDistrictFromTheTopLevelAsBefore() {
        String phone = uniquePhone();
        String id = register("HOTLINE", phone);

        JsonNode complaint = get(id);
        assertThat(complaint.get("agent").asText()).isEqualTo("agent-017");
        assertThat(complaint.get("district").asText()).isEqualTo("Shizhong");
        assertThat(complaint.get("address").isNull()).isTrue();
        assertThat(complaint.get("promises")).isEmpty();
    }

    @Test
    void marksARepeatOfTheSameCustomerAndCategoryWithinThirtyDaysBoundaryIncluded() {
        Instant before = clock.instant();
        String phone = uniquePhone();
        try {
            JsonNode first = created(fullBody(phone));
            JsonNode otherCategory = created(set(fullBody(phone), "category", "NETWORK_QUALITY"));
            assertThat(otherCategory.get("repeat").asBoolean()).isFalse();

            clock.add(Duration.ofDays(30));
            JsonNode second = created(fullBody(phone));
            assertThat(second.get("repeat").asBoolean()).isTrue();
            assertThat(ids(second.get("repeatOf"))).containsExactly(first.get("id").asText());
            assertThat(second.get("priority").asText()).isEqualTo("URGENT");
            assertThat(second.get("priorityReason").asText())
                    .contains("repeat of " + first.get("number").asText() + " → URGENT");

            clock.add(Duration.ofSeconds(1));
            JsonNode third = created(fullBody(phone));
            assertThat(ids(third.get("repeatOf"))).containsExactly(second.get("id").asText());

            clock.add(Duration.ofMinutes(1));
            JsonNode fourth = created(set(fullBody(phone), "agent", "agent-9"));
            assertThat(ids(fourth.get("repeatOf"))).containsExactly(third.get("id").asText(), second.get("id").asText());
            ComplaintRegistered registered = probe.awaitEvent(ComplaintRegistered.class,
                    e -> e.complaintId().equals(fourth.get("id").asText()));
            assertThat(registered.repeat()).isTrue();
            assertThat(registered.repeatOf()).containsExactly(third.get("id").asText(), second.get("id").asText());
        } finally {
            clock.setInstant(before);
        }
    }

    @Test
    void marksNoRepeatOutsideTheWindowNorOfAnotherCustomer() {
        Instant before = clock.instant();
        String phone = uniquePhone();
        try {
            created(fullBody(phone));
            assertThat(created(fullBody(uniquePhone())).get("repeat").asBoolean()).isFalse();

            clock.add(Duration.ofDays(30).plusMillis(1));
            JsonNode late = created(fullBody(phone));
            assertThat(late.get("repeat").asBoolean()).isFalse();
            assertThat(late.get("repeatOf")).isEmpty();
        } finally {
            clock.setInstant(before);
        }
    }

    @Test
    void neverNamesAListedComplaintThatWasNeverStored() {
        Instant before = clock.instant();
        String phone = uniquePhone();
        try {
            // what a crash between listing a complaint and inserting it leaves behind
            listed(phone, new RecentComplaint("never-stored-" + UUID.randomUUID(), "TS-20261123-999999",
                    clock.instant()));
            clock.add(Duration.ofMinutes(1));
            JsonNode first = created(fullBody(phone));
            assertThat(first.get("repeat").asBoolean()).isFalse();
            assertThat(first.get("priorityReason").asText()).doesNotContain("repeat");

            clock.add(Duration.ofMinutes(1));
            JsonNode second = created(fullBody(phone));
            assertThat(ids(second.get("repeatOf"))).containsExactly(first.get("id").asText());
            assertThat(second.get("priorityReason").asText()).contains("repeat of " + first.get("number").asText());
            assertThat(listOf(phone).entries()).hasSize(3);
        } finally {
            clock.setInstant(before);
        }
    }

    @Test
    void listsAComplaintRetriedWithItsKeyOnceAndNeverAsItsOwnRepeat() {
        String key = "key-" + UUID.randomUUID();
        String phone = uniquePhone();
        // a crash after the complaint was listed and before it was inserted: the retry creates the same complaint
        String id = EventIds.derived(key + "@" + clock.instant(), "complaint").toString();
        listed(phone, new RecentComplaint(id, "TS-20261123-999998", clock.instant()));

        JsonNode first = created(fullBody(phone), key);
        JsonNode again = created(fullBody(phone), key);

        assertThat(first.get("id").asText()).isEqualTo(id);
        assertThat(again.get("id").asText()).isEqualTo(id);
        assertThat(first.get("repeat").asBoolean()).isFalse();
        assertThat(listOf(phone).entries()).extracting(RecentComplaint::complaintId).containsExactly(id);
    }

    @Test
    void listsEachOfConcurrentRegistrationsOnceAndNoneAsItsOwnRepeat() {
        String phone = uniquePhone();
        String key = "key-" + UUID.randomUUID();
        WebClient client = WebClient.builder().filter(SignedInTestClient.asStaff())
                .baseUrl("http://localhost:" + port).build();

        List<JsonNode> answers = Flux.range(0, 12)
                .flatMap(i -> client.post().uri("/api/v1/complaints").header("Idempotency-Key", key + (i % 4))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(fullBody(phone))
                        .retrieve().bodyToMono(JsonNode.class), 12)
                .collectList().block(PATIENCE);

        List<String> created = answers.stream().map(answer -> answer.get("id").asText()).distinct().toList();
        assertThat(created).hasSize(4);
        assertThat(listOf(phone).entries()).extracting(RecentComplaint::complaintId)
                .containsExactlyInAnyOrderElementsOf(created);
        for (JsonNode answer : answers) {
            assertThat(ids(answer.get("repeatOf"))).doesNotContain(answer.get("id").asText())
                    .doesNotHaveDuplicates().isSubsetOf(created);
        }
    }

    @Test
    void keepsTheNewestEntriesOfACustomersListOnly() {
        String phone = uniquePhone();
        Instant start = clock.instant();
        int pushed = CustomerRecentComplaints.MAX_KEPT + 5;
        for (int i = 1; i <= pushed; i++) {
            repeats.list(phone, Category.BILLING, new RecentComplaint("c-" + i, "TS-20261123-" + (100000 + i),
                    start.plusSeconds(i)), start).block(PATIENCE);
        }

        List<RecentComplaint> kept = listOf(phone).entries();
        assertThat(kept).hasSize(CustomerRecentComplaints.MAX_KEPT);
        assertThat(kept.get(0).complaintId()).isEqualTo("c-" + pushed);
        assertThat(kept).extracting(RecentComplaint::complaintId).doesNotContain("c-1", "c-5").contains("c-6");
        assertThat(kept).isSortedAccordingTo((a, b) -> b.registeredAt().compareTo(a.registeredAt()));
    }

    @Test
    void treatsALandlineWithAndWithoutItsDashAsOneCustomer() {
        String digits = "0531" + uniquePhone().substring(3);
        String dashed = digits.substring(0, 4) + "-" + digits.substring(4);
        Map<String, Object> first = fullBody(dashed);
        created(first);
        JsonNode second = created(fullBody(digits));

        assertThat(second.get("repeat").asBoolean()).isTrue();
        assertThat(searched(Map.of("phone", dashed)).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void listsACustomersComplaintsNewestFirstOnePageAtATime() {
        Instant before = clock.instant();
        String phone = uniquePhone();
        List<String> ids = new ArrayList<>();
        try {
            for (String category : List.of("BILLING", "NETWORK_QUALITY", "BILLING")) {
                ids.add(created(set(fullBody(phone), "category", category)).get("id").asText());
                clock.add(Duration.ofMinutes(5));
            }
        } finally {
            clock.setInstant(before);
        }
        created(fullBody(uniquePhone()));

        JsonNode first = searched(Map.of("phone", phone, "size", 2));
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(ids(first.get("items"), "id")).containsExactly(ids.get(2), ids.get(1));
        JsonNode newest = first.get("items").get(0);
        assertThat(newest.get("number").asText()).matches(ComplaintNumber.FORMAT);
        assertThat(newest.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(newest.get("category").asText()).isEqualTo("BILLING");
        assertThat(newest.get("priority").asText()).isEqualTo("URGENT");
        assertThat(newest.get("repeat").asBoolean()).isTrue();
        assertThat(newest.get("registeredAt").asText()).isEqualTo(before.plus(Duration.ofMinutes(10)).toString());

        JsonNode second = searched(Map.of("phone", phone, "size", "2", "page", 1));
        assertThat(ids(second.get("items"), "id")).containsExactly(ids.get(0));
        JsonNode defaults = searched(Map.of("phone", phone));
        assertThat(defaults.get("size").asInt()).isEqualTo(20);
        assertThat(defaults.get("items")).hasSize(3);
    }

    @Test
    void searchesByTheBranchHoldingTheComplaintAndEveryOtherCriterion() {
        String branch = "BR-" + UUID.randomUUID().toString().substring(0, 8);
        String phone = uniquePhone();
        Instant start = clock.instant();
        String billing;
        String network;
        String unassigned;
        try {
            billing = created(fullBody(phone)).get("id").asText();
            clock.add(Duration.ofMinutes(1));
            network = created(set(set(fullBody(phone), "category", "NETWORK_QUALITY"), "channel", "MEDIA")).get("id").asText();
            clock.add(Duration.ofMinutes(1));
            unassigned = created(fullBody(phone)).get("id").asText();
        } finally {
            clock.setInstant(start);
        }
        for (String id : List.of(billing, network)) {
            TicketAssigned golden = assigned(id, null);
            probe.publish(new TicketAssigned(golden.eventId(), golden.occurredAt(), id, golden.ticketId(), branch,
                    golden.category(), golden.priority(), null));
            awaitStatus(id, "ASSIGNED");
        }
        assertThat(get(billing).get("branch").asText()).isEqualTo(branch);

        assertThat(search("branch=" + branch)).containsExactly(network, billing);
        assertThat(search("branch=" + branch + "&category=BILLING")).containsExactly(billing);
        assertThat(search("branch=" + branch + "&channel=MEDIA&priority=URGENT")).containsExactly(network);
        assertThat(ids(searched(Map.of("branch", branch, "category", "BILLING")).get("items"), "id"))
                .containsExactly(billing);
        assertThat(ids(searched(Map.of("phone", phone, "status", "REGISTERED")).get("items"), "id"))
                .containsExactly(unassigned);
        assertThat(ids(searched(Map.of("phone", phone)).get("items"), "id")).containsExactly(unassigned, network, billing);
        Instant second = start.plus(Duration.ofMinutes(1));
        assertThat(ids(searched(Map.of("phone", phone, "from", second.toString(),
                "to", second.plus(Duration.ofMinutes(1)).toString())).get("items"), "id"))
                .as("from inclusive, to exclusive").containsExactly(network);
        assertThat(searched(Map.of("phone", phone, "from", second.toString(), "to", second.toString())).get("items"))
                .isEmpty();
        JsonNode page = searched(Map.of("phone", phone, "size", 1, "page", 2));
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(ids(page.get("items"), "id")).containsExactly(billing);
    }

    @Test
    void refusesAPhoneInTheUrlInsteadOfIgnoringItAndAnswersTheOldCustomerPathNoMore() {
        String phone = uniquePhone();
        created(fullBody(phone));

        web.get().uri("/api/v1/complaints?phone={phone}&size=1", phone).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("phone")
                .jsonPath("$.errors[0].message").isEqualTo(
                        "must not be in the URL: POST the search to /api/v1/complaints/_search")
                .jsonPath("$.errors.length()").isEqualTo(1);
        // no rule names the old path any more, so it is refused to everyone, signed in or not
        web.get().uri("/api/v1/customers/{phone}/complaints", phone).exchange()
                .expectStatus().isForbidden();
        assertThat(searched(Map.of("phone", phone)).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void answersTheSameKeyAndBodyWithTheOriginalComplaintAndCreatesNothing() {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = fullBody(uniquePhone());
        var first = post(body, key).expectStatus().isCreated().expectBody(JsonNode.class).returnResult();
        long count = complaints.count().block();

        var again = post(body, key).expectStatus().isCreated().expectBody(JsonNode.class).returnResult();

        assertThat(again.getResponseBody().get("id")).isEqualTo(first.getResponseBody().get("id"));
        assertThat(again.getResponseBody().get("number")).isEqualTo(first.getResponseBody().get("number"));
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(complaints.count().block()).isEqualTo(count);
        String id = first.getResponseBody().get("id").asText();
        assertNothingStoredOrPublished(count);
        assertThat(probe.events(ComplaintRegistered.class)).filteredOn(e -> e.complaintId().equals(id)).hasSize(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherBodyAndStoresNothing() {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = fullBody(uniquePhone());
        String id = post(body, key).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("id").asText();
        long count = complaints.count().block();

        post(set(body, "description", "Something else"), key)
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(key));

        assertThat(get(id).get("description").asText()).isEqualTo("Charged twice");
        assertNothingStoredOrPublished(count);
    }

    @Test
    void createsOneComplaintForConcurrentRequestsWithOneKey() {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = fullBody(uniquePhone());
        long count = complaints.count().block();
        WebClient client = WebClient.builder().filter(SignedInTestClient.asStaff())
                .baseUrl("http://localhost:" + port).build();

        List<String> ids = Flux.range(0, 10)
                .flatMap(i -> client.post().uri("/api/v1/complaints").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                        .retrieve().bodyToMono(JsonNode.class)
                        .map(answer -> answer.get("id").asText()), 10)
                .collectList().block(PATIENCE);

        assertThat(ids).hasSize(10).containsOnly(ids.get(0));
        assertThat(complaints.count().block()).isEqualTo(count + 1);
    }

    @Test
    void makesANewComplaintWhenAKeyComesBackAfterADay() {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = fullBody(uniquePhone());
        Instant before = clock.instant();
        try {
            String first = created(body, key).get("id").asText();
            clock.add(Duration.ofHours(23));
            assertThat(created(body, key).get("id").asText()).isEqualTo(first);
            clock.add(Duration.ofHours(1));
            assertThat(created(set(body, "description", "Another one"), key).get("id").asText()).isNotEqualTo(first);
        } finally {
            clock.setInstant(before);
        }
    }

    @Test
    void refusesABodyOverTheLimitWithPayloadTooLarge() {
        long before = complaints.count().block();
        Map<String, Object> body = set(fullBody(uniquePhone()), "description", "x".repeat(300 * 1024));

        post(body).expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);

        assertNothingStoredOrPublished(before);
    }

    @Test
    void refusesAnIdempotencyKeyOverAHundredCharacters() {
        long before = complaints.count().block();

        JsonNode problem = post(fullBody(uniquePhone()), "k".repeat(101))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(ids(problem.get("errors"), "field")).containsExactly("Idempotency-Key");
        assertNothingStoredOrPublished(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void refusesABadRegistrationNamingTheBadFieldsAndStoresNothing(String what, Object body, List<String> fields) {
        assertRejectedNamingFields(body, fields.toArray(String[]::new));
    }

    static Stream<Arguments> badRegistrations() {
        String phone = uniquePhone();
        List<Object> elevenPromises = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            elevenPromises.add(Map.of("text", "Promise " + i));
        }
        return Stream.of(
                bad("vip is not a boolean", set(fullBody(phone), "customer.vip", "yes"), "customer.vip"),
                bad("promises is not a list", set(fullBody(phone), "promises", "soon"), "promises"),
                bad("customer is a number", set(fullBody(phone), "customer", 42), "customer"),
                bad("unknown priority", set(fullBody(phone), "priority", "SUPER"), "priority"),
                bad("unknown channel and category", set(set(fullBody(phone), "channel", "FAX"), "category", "WEATHER"),
                        "category", "channel"),
                bad("description over 2000", set(fullBody(phone), "description", "x".repeat(2001)), "description"),
                bad("blank description", set(fullBody(phone), "description", "  "), "description"),
                bad("name over 100", set(fullBody(phone), "customer.name", "W".repeat(101)), "customer.name"),
                bad("promise text over 500", set(fullBody(phone), "promises",
                        List.of(Map.of("text", "p".repeat(501)))), "promises[0].text"),
                bad("blank promise text", set(fullBody(phone), "promises", List.of(Map.of("text", " "))),
                        "promises[0].text"),
                bad("promise due date no instant", set(fullBody(phone), "promises",
                        List.of(Map.of("text", "Refund", "dueAt", "next week"))), "promises[0].dueAt"),
                bad("eleven promises", set(fullBody(phone), "promises", elevenPromises), "promises"),
                bad("phone too short", set(fullBody(phone), "customer.phone", "12345"), "customer.phone"),
                bad("phone with country code", set(fullBody(phone), "customer.phone", "+8613800138000"), "customer.phone"),
                bad("phone with a letter", set(fullBody(phone), "customer.phone", "1380013800a"), "customer.phone"),
                bad("landline without enough digits", set(fullBody(phone), "customer.phone", "0531-8888"), "customer.phone"),
                bad("mobile starting 12", set(fullBody(phone), "customer.phone", "12800138000"), "customer.phone"),
                bad("account number over 32", set(fullBody(phone), "customer.accountNo", "A".repeat(33)),
                        "customer.accountNo"),
                bad("account number with other characters", set(fullBody(phone), "customer.accountNo", "AC#1/2"),
                        "customer.accountNo"),
                bad("no district anywhere", set(fullBody(phone), "location.district", null),
                        "district", "location.district"),
                bad("district given twice", set(fullBody(phone), "district", "Lixia"), "location.district"),
                bad("address over 200", set(fullBody(phone), "location.address", "a".repeat(201)), "location.address"),
                bad("agent over 100", set(fullBody(phone), "agent", "a".repeat(101)), "agent"),
                bad("blank agent", set(fullBody(phone), "agent", " "), "agent"));
    }

    @Test
    void refusesATooLongDescriptionAndAnUnknownChannelTogether() {
        assertRejectedNamingFields(set(set(fullBody(uniquePhone()), "description", "x".repeat(2001)), "channel", "FAX"),
                "channel", "description");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSearches")
    void refusesABadSearchNamingTheBadParameters(String uri, List<String> fields) {
        JsonNode problem = web.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(ids(problem.get("errors"), "field")).containsOnlyOnceElementsOf(fields).containsOnly(fields.toArray(String[]::new));
    }

    static Stream<Arguments> badSearches() {
        return Stream.of(
                Arguments.of("/api/v1/complaints?size=101", List.of("size")),
                Arguments.of("/api/v1/complaints?size=0", List.of("size")),
                Arguments.of("/api/v1/complaints?page=-1", List.of("page")),
                Arguments.of("/api/v1/complaints?page=two&size=ten", List.of("page", "size")),
                Arguments.of("/api/v1/complaints?from=yesterday&to=2026-11-23", List.of("from", "to")),
                Arguments.of("/api/v1/complaints?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", List.of("from")),
                Arguments.of("/api/v1/complaints?status=OPEN&category=WEATHER&channel=FAX&priority=HIGH",
                        List.of("category", "channel", "priority", "status")),
                Arguments.of("/api/v1/complaints?phone=12345", List.of("phone")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSearchBodies")
    void refusesABadSearchBodyNamingTheBadFieldsWithoutEchoingThePhone(String name, Map<String, Object> body,
                                                                        List<String> fields) {
        JsonNode problem = web.post().uri("/api/v1/complaints/_search")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(ids(problem.get("errors"), "field")).containsOnlyOnceElementsOf(fields).containsOnly(fields.toArray(String[]::new));
        assertThat(problem.toString()).doesNotContain("13800138000", "1380013800a");
    }

    static Stream<Arguments> badSearchBodies() {
        return Stream.of(
                Arguments.of("phone too short", Map.of("phone", "12345"), List.of("phone")),
                Arguments.of("phone with a letter", Map.of("phone", "1380013800a"), List.of("phone")),
                Arguments.of("phone not a string", Map.of("phone", List.of("13800138000")), List.of("phone")),
                Arguments.of("paging out of range", Map.of("phone", "13800138000", "size", 101, "page", -2),
                        List.of("page", "size")),
                Arguments.of("paging no numbers", Map.of("page", "two", "size", "ten"), List.of("page", "size")),
                Arguments.of("instants", Map.of("from", "yesterday", "to", "2026-11-23"), List.of("from", "to")),
                Arguments.of("from after to", Map.of("from", "2026-11-24T00:00:00Z", "to", "2026-11-23T00:00:00Z"),
                        List.of("from")),
                Arguments.of("enums", Map.of("status", "OPEN", "category", "WEATHER", "channel", "FAX", "priority", "HIGH"),
                        List.of("category", "channel", "priority", "status")));
    }

    @Test
    void putsTheRouterWorkflowEventsOnTheTimelineWithWhoDidThem() throws Exception {
        String id = register("HOTLINE", uniquePhone());
        List<EventType> workflow = List.of(EventType.TICKET_RETURNED, EventType.TICKET_TRANSFERRED,
                EventType.HANDLER_ASSIGNED, EventType.TICKET_NOTE_ADDED, EventType.FIRST_CONTACT_RECORDED,
                EventType.EXTENSION_REQUESTED, EventType.TICKET_WAITING_ON_CUSTOMER, EventType.TICKET_RESUMED,
                EventType.TICKET_UNCLAIMED);
        Map<String, ClosedLoopEvent> published = new HashMap<>();
        for (EventType type : workflow) {
            ClosedLoopEvent event = goldenFor(type, id);
            published.put(type.id(), event);
            probe.publish(event);
        }

        JsonNode complaint = awaitTimeline(id, workflow.stream().map(EventType::id).toArray(String[]::new));

        for (JsonNode entry : complaint.get("timeline")) {
            ClosedLoopEvent event = published.get(entry.get("type").asText());
            if (event != null) {
                assertThat(entry.get("eventId").asText()).isEqualTo(event.eventId().toString());
                assertThat(entry.get("summary").asText()).isEqualTo(event.summary());
                JsonNode actor = entry.get("actor");
                Object expected = actorOf(event);
                assertThat(actor.isNull() ? null : actor.asText()).as(entry.get("type").asText()).isEqualTo(expected);
            }
        }
        assertThat(actorOf(published.get(EventType.TICKET_RETURNED.id()))).isNotNull();
        assertThat(complaint.get("status").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void putsEverySlaEventOnTheTimelineOnceWithItsSourceAndActorWithoutMovingTheStatus() throws Exception {
        String id = register("HOTLINE", uniquePhone());
        probe.publish(assigned(id, null));
        awaitStatus(id, "ASSIGNED");
        List<ClosedLoopEvent> sla = slaEvents(id);
        ClosedLoopEvent sentinel = sla.get(sla.size() - 1);

        for (ClosedLoopEvent event : sla) {
            fromEscalation(event);
            if (event != sentinel) {
                fromEscalation(event);
            }
        }

        // one complaint's events share a partition: once the sentinel is on the timeline, every earlier one was applied
        JsonNode complaint = await().atMost(PATIENCE).until(() -> get(id),
                c -> ids(c.get("timeline"), "eventId").contains(sentinel.eventId().toString()));
        List<String> expectedTypes = new ArrayList<>(List.of("closedloop.complaint.registered.v1",
                "closedloop.ticket.assigned.v1"));
        sla.forEach(event -> expectedTypes.add(EventType.of(event).id()));
        assertThat(types(complaint)).containsExactlyElementsOf(expectedTypes);
        List<JsonNode> entries = new ArrayList<>();
        complaint.get("timeline").forEach(entries::add);
        for (int i = 0; i < sla.size(); i++) {
            ClosedLoopEvent event = sla.get(i);
            JsonNode entry = entries.get(i + 2);
            String type = EventType.of(event).id();
            assertThat(entry.get("eventId").asText()).as(type).isEqualTo(event.eventId().toString());
            assertThat(entry.get("at").asText()).as(type).isEqualTo(event.occurredAt().toString());
            assertThat(entry.get("source").asText()).as(type).isEqualTo("escalation-service");
            assertThat(entry.get("summary").asText()).as(type).isEqualTo(event.summary());
            assertThat(entry.get("actor").isNull() ? null : entry.get("actor").asText()).as(type)
                    .isEqualTo(actorOf(event));
        }
        assertThat(entries).filteredOn(entry -> entry.get("type").asText().startsWith("closedloop.sla.extension-")
                        || entry.get("type").asText().equals("closedloop.sla.office-meeting-decided.v1"))
                .hasSize(3)
                .allSatisfy(entry -> assertThat(entry.get("actor").asText()).isEqualTo("sup.liu"));
        assertThat(complaint.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(complaint.get("branch").asText()).isEqualTo("LIXIA-01");
        assertThat(complaint.get("priority").asText()).isEqualTo("NORMAL");
        assertThat(complaint.get("reopenCount").asInt()).isZero();
        assertThat(complaint.get("closedOutcome").isNull()).isTrue();
    }

    /**
     * Every event the SLA engine tells, for the complaint, a second apart: each golden one, a clock on the outside
     * limit and both levels of escalation, the second one for a reason no limit caused; the last one is published once.
     */
    List<ClosedLoopEvent> slaEvents(String complaintId) throws Exception {
        List<ClosedLoopEvent> events = new ArrayList<>();
        for (EventType type : List.of(EventType.CLOCK_STARTED, EventType.TICKET_WARNED, EventType.CLOCKS_PAUSED,
                EventType.CLOCKS_RESUMED, EventType.EXTENSION_APPROVED, EventType.EXTENSION_REFUSED,
                EventType.TICKET_ESCALATED, EventType.OFFICE_MEETING_DECIDED,
                EventType.OFFICE_MEETING_DECISION_OVERDUE)) {
            events.add(goldenFor(type, complaintId));
        }
        TicketEscalated levelOne = (TicketEscalated) Golden.event(EventType.TICKET_ESCALATED);
        events.add(new TicketEscalated(UUID.randomUUID(), clock.instant(), complaintId, levelOne.ticketId(),
                levelOne.branch(), 2, null, null, EscalationReason.REOPENED_TWICE));
        ClockStarted started = (ClockStarted) Golden.event(EventType.CLOCK_STARTED);
        events.add(new ClockStarted(UUID.randomUUID(), clock.instant(), complaintId, started.ticketId(),
                started.branch(), ClockKind.OUTSIDE, clock.instant().plus(Duration.ofDays(15)), 1,
                Duration.ofDays(15), TimeBasis.CALENDAR));
        List<ClosedLoopEvent> spaced = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ObjectNode json = (ObjectNode) JSON.readTree(EventJson.write(events.get(i)));
            json.put("occurredAt", clock.instant().plusSeconds(i + 1L).toString());
            spaced.add(EventJson.read(EventType.of(events.get(i)), JSON.writeValueAsString(json)));
        }
        return spaced;
    }

    /** Publishes the event as the escalation service would. */
    void fromEscalation(ClosedLoopEvent event) {
        probe.send(CloudEvents.toRecord(event, "/closedloop/escalation-service"));
    }

    // --- fixtures of the full complaint ---

    /** The golden event of this type, rewritten for the complaint with a fresh id and the current time. */
    ClosedLoopEvent goldenFor(EventType type, String complaintId) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(Golden.json(type));
        json.put("eventId", UUID.randomUUID().toString());
        json.put("complaintId", complaintId);
        json.put("occurredAt", clock.instant().toString());
        return EventJson.read(type, JSON.writeValueAsString(json));
    }

    static Object actorOf(ClosedLoopEvent event) throws ReflectiveOperationException {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("actor")) {
                return component.getAccessor().invoke(event);
            }
        }
        return null;
    }

    static Arguments bad(String what, Object body, String... fields) {
        return Arguments.of(what, body, List.of(fields));
    }

    /** A full registration that intake accepts; callers change one thing with {@link #set}. */
    static Map<String, Object> fullBody(String phone) {
        Map<String, Object> customer = new HashMap<>(Map.of("name", "Wang Fang", "phone", phone,
                "accountNo", "0531-2088-7731", "vip", false));
        Map<String, Object> location = new HashMap<>(Map.of("district", "Lixia", "address", "12 Jingshi Road"));
        Map<String, Object> body = new HashMap<>(Map.of("channel", "HOTLINE", "category", "BILLING",
                "customer", customer, "location", location, "description", "Charged twice"));
        body.put("promises", List.of(Map.of("text", "Refund twice the overcharge", "dueAt", "2026-12-01T10:00:00Z",
                "kind", "DOUBLE_REFUND", "amount", new BigDecimal("30.5"))));
        return body;
    }

    /** Sets (or with null removes) the value at a dotted path, e.g. {@code customer.vip}; returns the body. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> set(Map<String, Object> body, String path, Object value) {
        String[] names = path.split("\\.");
        Map<String, Object> node = body;
        for (int i = 0; i < names.length - 1; i++) {
            node = (Map<String, Object>) node.get(names[i]);
        }
        if (value == null) {
            node.remove(names[names.length - 1]);
        } else {
            node.put(names[names.length - 1], value);
        }
        return body;
    }

    /** Lists an entry in the customer's BILLING list as registering a complaint does. */
    void listed(String phone, RecentComplaint entry) {
        repeats.list(phone, Category.BILLING, entry, entry.registeredAt()).block(PATIENCE);
    }

    CustomerRecentComplaints listOf(String phone) {
        return mongo.findById(CustomerRecentComplaints.keyOf(phone, Category.BILLING), CustomerRecentComplaints.class)
                .block(PATIENCE);
    }

    WebTestClient.ResponseSpec post(Object body) {
        return web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec post(Object body, String key) {
        return web.post().uri("/api/v1/complaints").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    JsonNode created(Object body) {
        return post(body).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode created(Object body, String key) {
        return post(body, key).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The page a search with these criteria in its body answers. */
    JsonNode searched(Map<String, ?> criteria) {
        return web.post().uri("/api/v1/complaints/_search").contentType(MediaType.APPLICATION_JSON).bodyValue(criteria)
                .exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    List<String> search(String query) {
        JsonNode page = web.get().uri("/api/v1/complaints?" + query).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return ids(page.get("items"), "id");
    }

    static List<String> ids(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static List<String> ids(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.get(field).asText()));
        return values;
    }

    // --- fixtures ---

    void assertRejectedNamingFields(Object body, String... fields) {
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
    void assertNothingStoredOrPublished(long countBefore) {
        assertThat(complaints.count().block()).isEqualTo(countBefore);
        String sentinel = register("HOTLINE", uniquePhone());
        probe.awaitEvent(ComplaintRegistered.class, e -> e.complaintId().equals(sentinel));
        assertThat(complaints.count().block()).isEqualTo(countBefore + 1);
        List<String> published = probe.events(ComplaintRegistered.class).stream()
                .map(ComplaintRegistered::complaintId).distinct().toList();
        assertThat(complaints.findAllById(published).count().block()).isEqualTo(published.size());
    }

    String register(String channel, String phone) {
        return web.post().uri("/api/v1/complaints").headers(TestIssuer.as("agent-017"))
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

    JsonNode get(String id) {
        return web.get().uri("/api/v1/complaints/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode awaitStatus(String id, String status) {
        return await().atMost(PATIENCE).until(() -> get(id), complaint -> complaint.get("status").asText().equals(status));
    }

    JsonNode awaitTimeline(String id, String... types) {
        return await().atMost(PATIENCE).until(() -> get(id), complaint -> types(complaint).containsAll(List.of(types)));
    }

    static List<String> types(JsonNode complaint) {
        List<String> types = new ArrayList<>();
        complaint.get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    /** The golden TicketAssigned, rewritten for this complaint with a fresh id. */
    TicketAssigned assigned(String complaintId, String previousTicketId) {
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

    ConsumerRecord<String, String> recordOf(ClosedLoopEvent event) {
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

    static String uniquePhone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }
}
