package closedloop.router;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.ExtensionRequested;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.HandlerAssigned;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.TicketNoteAdded;
import closedloop.contracts.TicketResumed;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.TicketUnclaimed;
import closedloop.contracts.TicketWaitingOnCustomer;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.RootCause;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.Topics;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.security.Role;
import closedloop.router.routing.Branch;
import closedloop.router.routing.Holder;
import closedloop.router.routing.Routing;
import closedloop.router.routing.TicketStatus;
import closedloop.router.routing.web.TicketResponse;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.SignedInTestClient;
import closedloop.testsupport.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The router against a real broker and a MongoDB-wire store: complaint events in, tickets and ticket events out,
 * and the branch workflow over HTTP. Each test uses fresh complaint ids so that tests never see each other's data.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(classes = TicketRouterApplication.class, webEnvironment = RANDOM_PORT,
        properties = "spring.config.name=" + TicketRouterApplication.NAME)
abstract class TicketRouterIntegrationTests {

    /** The branch directory the tests run with: a copy of the demo one that a test may edit and reload. */
    @org.springframework.test.context.DynamicPropertySource
    static void branchDirectory(org.springframework.test.context.DynamicPropertyRegistry registry) {
        TestDirectory.restore();
        registry.add("closedloop.router.directory", () -> "file:" + TestDirectory.FILE.toAbsolutePath());
    }

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Map<String, String> RESOLUTION = Map.of("resolution", "Fixed", "rootCause", "PROCESS",
            "responsibleParty", "branch");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    WebTestClient http;
    KafkaProbe probe;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().filter(SignedInTestClient.asStaff()).baseUrl("http://localhost:" + port)
                .responseTimeout(PATIENCE).build();
    }

    @Test
    void routesARegisteredComplaintToTheBranchOfItsDistrict() {
        ComplaintRegistered complaint = registered("Lixia");

        probe.publish(complaint);

        TicketResponse ticket = awaitTicket(routedTicketId(complaint));
        assertThat(ticket.branch()).isEqualTo("LIXIA-01");
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.complaintId()).isEqualTo(complaint.complaintId());
        assertThat(ticket.complaintNumber()).isEqualTo(complaint.number());
        assertThat(ticket.category()).isEqualTo(complaint.category());
        assertThat(ticket.priority()).isEqualTo(complaint.priority());
        assertThat(ticket.district()).isEqualTo("Lixia");
        assertThat(ticket.previousTicketId()).isNull();
        assertThat(ticket.createdAt()).isEqualTo(clock.instant());
        assertThat(ticket.history()).singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(TicketStatus.ASSIGNED));

        TicketAssigned assigned = probe.awaitEvent(TicketAssigned.class, event -> event.ticketId().equals(ticket.id()));
        assertThat(assigned.eventId()).isEqualTo(EventIds.derived(complaint.eventId(), "assign"));
        assertThat(assigned.complaintId()).isEqualTo(complaint.complaintId());
        assertThat(assigned.branch()).isEqualTo("LIXIA-01");
        assertThat(assigned.previousTicketId()).isNull();
        Golden.assertSameShape(assigned);

        ConsumerRecord<String, String> record = recordOf(assigned.eventId());
        assertThat(record.key()).isEqualTo(complaint.complaintId());
        assertThat(header(record, CloudEvents.TYPE)).isEqualTo(EventType.TICKET_ASSIGNED.id());
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/closedloop/" + TicketRouterApplication.NAME);
        assertThat(header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEvents.TIME)).isEqualTo(assigned.occurredAt().toString());
    }

    @Test
    void opensOneTicketWhenTheSameComplaintEventArrivesTwice() {
        ComplaintRegistered complaint = registered("Huaiyin");
        probe.publish(complaint);
        probe.publish(complaint);
        awaitTicket(routedTicketId(complaint));
        ComplaintReopened afterBoth = reopened(complaint);
        clock.add(Duration.ofMinutes(1));
        probe.publish(afterBoth);

        String reopenedTicket = EventIds.derived(afterBoth.eventId(), "reopen-route").toString();
        awaitTicket(reopenedTicket);
        probe.awaitEvent(TicketAssigned.class, event -> event.ticketId().equals(reopenedTicket));
        probe.awaitEvent(TicketAssigned.class, event -> event.ticketId().equals(routedTicketId(complaint)));

        assertThat(ticketsOf(complaint.complaintId())).extracting(TicketResponse::id)
                .containsExactly(reopenedTicket, routedTicketId(complaint));
        assertThat(probe.events(TicketAssigned.class))
                .filteredOn(event -> event.complaintId().equals(complaint.complaintId()))
                .extracting(TicketAssigned::ticketId)
                .containsExactlyInAnyOrder(routedTicketId(complaint), reopenedTicket);
    }

    @Test
    void sendsAComplaintFromAnUnknownDistrictToTheDispatchDesk() {
        ComplaintRegistered complaint = registered("Atlantis");

        probe.publish(complaint);

        assertThat(awaitTicket(routedTicketId(complaint)).branch()).isEqualTo(Routing.MANUAL);
        TicketAssigned assigned = probe.awaitEvent(TicketAssigned.class,
                event -> event.complaintId().equals(complaint.complaintId()));
        assertThat(assigned.branch()).isEqualTo(Routing.MANUAL);
    }

    @Test
    void publishesWhoSignedForAndWhoResolvedTheTicket() {
        ComplaintRegistered complaint = registered("Lixia");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();

        TicketResponse accepted = http.post().uri("/api/v1/tickets/{id}/accept", id).headers(TestIssuer.as("li.ming"))
                .exchange().expectStatus().isOk().expectBody(TicketResponse.class).returnResult().getResponseBody();
        clock.add(Duration.ofHours(3));
        TicketResponse resolved = http.post().uri("/api/v1/tickets/{id}/resolve", id).headers(TestIssuer.as("zhang.wei"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "Refunded the double charge", "rootCause", "BILLING_SYSTEM",
                        "responsibleParty", "billing department"))
                .exchange().expectStatus().isOk().expectBody(TicketResponse.class).returnResult().getResponseBody();

        assertThat(accepted.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(accepted.acceptedAt()).isNotNull();
        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.resolution()).isEqualTo("Refunded the double charge");
        assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
        assertThat(resolved.history()).extracting(entry -> entry.action() + " by " + entry.actor())
                .containsExactly("assign by ticket-router", "accept by li.ming", "resolve by zhang.wei");

        TicketAccepted acceptedEvent = probe.awaitEvent(TicketAccepted.class, event -> event.ticketId().equals(id));
        assertThat(acceptedEvent.actor()).isEqualTo("li.ming");
        assertThat(acceptedEvent.branch()).isEqualTo("LIXIA-01");
        assertThat(acceptedEvent.complaintId()).isEqualTo(complaint.complaintId());
        Golden.assertSameShape(acceptedEvent);
        TicketResolved resolvedEvent = probe.awaitEvent(TicketResolved.class, event -> event.ticketId().equals(id));
        assertThat(resolvedEvent.actor()).isEqualTo("zhang.wei");
        assertThat(resolvedEvent.resolution()).isEqualTo("Refunded the double charge");
        assertThat(resolvedEvent.rootCause()).isEqualTo(RootCause.BILLING_SYSTEM);
        assertThat(resolvedEvent.responsibleParty()).isEqualTo("billing department");
        assertThat(resolvedEvent.occurredAt()).isEqualTo(clock.instant());
        Golden.assertSameShape(resolvedEvent);
        assertThat(recordOf(resolvedEvent.eventId()).key()).isEqualTo(complaint.complaintId());
    }

    @Test
    void signsForAsTheSignedInDispatcherWhateverXActorClaims() {
        ComplaintRegistered complaint = registered("Tianqiao");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();

        http.post().uri("/api/v1/tickets/{id}/accept", id).header("X-Actor", "mallory")
                .headers(TestIssuer.as("sun.li", List.of(Role.DISPATCHER), "TIANQIAO-01"))
                .exchange().expectStatus().isOk();

        assertThat(probe.awaitEvent(TicketAccepted.class, event -> event.ticketId().equals(id)).actor())
                .isEqualTo("sun.li");
    }

    @Test
    void hidesAnotherBranchsTicketFromADispatcherAsIfItDidNotExist() {
        ComplaintRegistered complaint = registered("Tianqiao");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();
        var otherBranch = TestIssuer.as("zhao.lei", List.of(Role.DISPATCHER), "SHIZHONG-01");

        http.get().uri("/api/v1/tickets/{id}", id).headers(otherBranch).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/tickets/{id}/holders", id).headers(otherBranch).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/v1/tickets/{id}/accept", id).headers(otherBranch).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/tickets?branch=TIANQIAO-01").headers(otherBranch).exchange()
                .expectStatus().isForbidden();
        assertThat(http.get().uri("/api/v1/tickets?complaintId={id}", complaint.complaintId()).headers(otherBranch)
                .exchange().expectStatus().isOk().expectBodyList(TicketResponse.class).returnResult()
                .getResponseBody()).isEmpty();
        assertThat(http.get().uri("/api/v1/tickets/{id}", id)
                .headers(TestIssuer.as("sun.li", List.of(Role.DISPATCHER), "TIANQIAO-01"))
                .exchange().expectStatus().isOk().expectBody(TicketResponse.class).returnResult()
                .getResponseBody().status()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    void refusesToResolveATicketNobodySignedFor() {
        ComplaintRegistered complaint = registered("Lixia");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();

        http.post().uri("/api/v1/tickets/{id}/resolve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RESOLUTION)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not allowed in the current state")
                .jsonPath("$.detail").isEqualTo("Cannot resolve a ticket that is ASSIGNED")
                .jsonPath("$.currentState").isEqualTo("ASSIGNED")
                .jsonPath("$.allowedActions").isEqualTo(List.of("accept", "notes", "return", "transfer"));

        assertThat(awaitTicket(id).status()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    void letsOnlyOneOfTwoConcurrentSignForsThrough() {
        ComplaintRegistered complaint = registered("Licheng");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();

        List<CompletableFuture<Integer>> attempts = List.of("li.ming", "zhang.wei").stream()
                .map(actor -> CompletableFuture.supplyAsync(() -> http.post()
                        .uri("/api/v1/tickets/{id}/accept", id).headers(TestIssuer.as(actor))
                        .exchange().returnResult(String.class).getStatus().value()))
                .toList();

        assertThat(attempts.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
        assertThat(awaitTicket(id).history()).filteredOn(entry -> entry.action().equals("accept")).hasSize(1);
    }

    @Test
    void rejectsABlankResolution() {
        ComplaintRegistered complaint = registered("Lixia");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();
        http.post().uri("/api/v1/tickets/{id}/accept", id).exchange().expectStatus().isOk();

        http.post().uri("/api/v1/tickets/{id}/resolve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "   ", "rootCause", "PROCESS", "responsibleParty", "branch"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("resolution"));
        http.post().uri("/api/v1/tickets/{id}/resolve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "x".repeat(2001), "rootCause", "PROCESS", "responsibleParty", "branch"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("resolution"));

        assertThat(awaitTicket(id).status()).isEqualTo(TicketStatus.ACCEPTED);
    }

    @Test
    void answersNotFoundForAnUnknownTicket() {
        String unknown = UUID.randomUUID().toString();

        http.get().uri("/api/v1/tickets/{id}", unknown).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.detail").value(detail ->
                        assertThat(detail.toString()).contains(unknown));
        http.post().uri("/api/v1/tickets/{id}/accept", unknown).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void reopensAComplaintAtTheBranchOfItsLatestTicket() {
        ComplaintRegistered complaint = registered("Shizhong");
        probe.publish(complaint);
        TicketResponse first = awaitTicket(routedTicketId(complaint));
        ComplaintReopened golden = (ComplaintReopened) Golden.event(EventType.COMPLAINT_REOPENED);
        ComplaintReopened reopen = reopened(complaint);
        clock.add(Duration.ofDays(2));

        probe.publish(reopen);

        TicketResponse second = awaitTicket(EventIds.derived(reopen.eventId(), "reopen-route").toString());
        assertThat(second.branch()).isEqualTo(first.branch()).isEqualTo("SHIZHONG-01");
        assertThat(second.previousTicketId()).isEqualTo(first.id());
        assertThat(second.priority()).isEqualTo(golden.priority()).isEqualTo(Priority.URGENT);
        assertThat(first.priority()).isEqualTo(Priority.NORMAL);
        assertThat(second.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(second.complaintNumber()).isEqualTo(complaint.number());
        assertThat(second.createdAt()).isEqualTo(clock.instant());
        assertThat(ticketsOf(complaint.complaintId())).extracting(TicketResponse::id)
                .containsExactly(second.id(), first.id());

        TicketAssigned assigned = probe.awaitEvent(TicketAssigned.class, event -> event.ticketId().equals(second.id()));
        assertThat(assigned.eventId()).isEqualTo(EventIds.derived(reopen.eventId(), "reopen-assign"));
        assertThat(assigned.previousTicketId()).isEqualTo(first.id());
        assertThat(assigned.priority()).isEqualTo(Priority.URGENT);
        assertThat(assigned.branch()).isEqualTo("SHIZHONG-01");
        Golden.assertSameShape(assigned);
    }

    @Test
    void deadLettersPoisonRecordsAndGoesOnWithTheNext() {
        ComplaintRegistered complaint = registered("Lixia");
        String key = complaint.complaintId();
        probe.send(new ProducerRecord<>(Topics.INTAKE_COMPLAINT, key, "{\"no\":\"type header\"}"));
        ProducerRecord<String, String> unfit = new ProducerRecord<>(Topics.INTAKE_COMPLAINT, key, "not json at all");
        unfit.headers().add(CloudEvents.TYPE, EventType.COMPLAINT_REGISTERED.id().getBytes(StandardCharsets.UTF_8));
        probe.send(unfit);

        probe.publish(complaint);

        assertThat(awaitTicket(routedTicketId(complaint)).branch()).isEqualTo("LIXIA-01");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(probe.records(Topics.deadLetter(Topics.INTAKE_COMPLAINT)))
                        .filteredOn(record -> key.equals(record.key()))
                        .extracting(ConsumerRecord::value)
                        .containsExactlyInAnyOrder("{\"no\":\"type header\"}", "not json at all"));
    }

    @Test
    void showsAnAdministratorItsDeadLettersWithTheirReasonAndDiscardsOneOnceWithAReason() {
        ComplaintRegistered complaint = registered("Lixia");
        String key = complaint.complaintId();
        probe.send(new ProducerRecord<>(Topics.INTAKE_COMPLAINT, key, "{\"no\":\"type header\"}"));
        var admin = TestIssuer.as("admin.zhao", List.of(Role.ADMIN));

        String id = await().atMost(PATIENCE).until(() -> http.get()
                .uri("/api/v1/dead-letters?topic={t}&state=OPEN", Topics.INTAKE_COMPLAINT).headers(admin)
                .exchange().expectStatus().isOk()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .findParents("key").stream().filter(letter -> key.equals(letter.path("key").asText()))
                .map(letter -> letter.path("id").asText()).findFirst().orElse(null), found -> found != null);
        http.get().uri("/api/v1/dead-letters/{id}", id).headers(admin).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.topic").isEqualTo(Topics.INTAKE_COMPLAINT)
                .jsonPath("$.group").isEqualTo("ticket-router")
                .jsonPath("$.reason").value(reason -> assertThat(reason.toString())
                        .startsWith("MalformedEventException: Record at intake.complaint-"))
                .jsonPath("$.state").isEqualTo("OPEN");

        http.post().uri("/api/v1/dead-letters/{id}/discard", id).headers(admin)
                .bodyValue(Map.of("reason", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        http.post().uri("/api/v1/dead-letters/{id}/discard", id).headers(admin)
                .bodyValue(Map.of("reason", "sent by a broken test tool")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("DISCARDED")
                .jsonPath("$.decision.actor").isEqualTo("admin.zhao")
                .jsonPath("$.decision.reason").isEqualTo("sent by a broken test tool");
        http.post().uri("/api/v1/dead-letters/{id}/replay", id).headers(admin).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("DISCARDED");
        http.get().uri("/api/v1/dead-letters").headers(TestIssuer.as("li.ming", List.of(Role.DISPATCHER), "LIXIA-01"))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void listsABranchQueueNewestFirstFilteredByStatus() {
        ComplaintRegistered older = registered("Shizhong");
        probe.publish(older);
        String olderId = awaitTicket(routedTicketId(older)).id();
        clock.add(Duration.ofMinutes(5));
        ComplaintRegistered newer = registered(" shizhong ");
        probe.publish(newer);
        String newerId = awaitTicket(routedTicketId(newer)).id();
        http.post().uri("/api/v1/tickets/{id}/accept", olderId).exchange().expectStatus().isOk();

        List<String> queue = list("/api/v1/tickets?branch=SHIZHONG-01");
        List<String> waiting = list("/api/v1/tickets?branch=SHIZHONG-01&status=ASSIGNED");
        List<String> signedFor = list("/api/v1/tickets?branch=SHIZHONG-01&status=ACCEPTED");

        assertThat(queue).containsSubsequence(newerId, olderId);
        assertThat(waiting).contains(newerId).doesNotContain(olderId);
        assertThat(signedFor).contains(olderId).doesNotContain(newerId);
        assertThat(list("/api/v1/tickets?branch=LIXIA-01&complaintId=" + older.complaintId())).isEmpty();
        assertThat(list("/api/v1/tickets?complaintId=" + older.complaintId())).containsExactly(olderId);
    }

    @Test
    void requiresABranchOrAComplaintAndAKnownStatusToListTickets() {
        http.get().uri("/api/v1/tickets?status=ASSIGNED").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("branch"));
        http.get().uri("/api/v1/tickets?branch=LIXIA-01&status=DONE").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("status"));
    }

    // ---- the branch workflow ----

    @Test
    void runsTheWorkflowFromSignForToResolutionPublishingEveryStep() {
        ComplaintRegistered complaint = registered("Huaiyin");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();
        Instant contacted = clock.instant().minusSeconds(60);
        Instant deadline = clock.instant().plus(Duration.ofDays(3));

        ok(id, "accept", null, "li.ming");
        TicketResponse named = ok(id, "handler", Map.of("handler", "wang.qiang"), "li.ming");
        ok(id, "notes", Map.of("note", "Called billing"), "wang.qiang");
        TicketResponse contactedTicket = ok(id, "first-contact", Map.of("contactedAt", contacted.toString(),
                "method", "PHONE", "result", "Apologised, refund promised"), "wang.qiang");
        TicketResponse waiting = ok(id, "wait", Map.of("reason", "Customer sends the bill"), "wang.qiang");
        TicketResponse resumed = ok(id, "resume", null, "wang.qiang");
        TicketResponse extended = ok(id, "extension", Map.of("reason", "Billing system fix",
                "requestedDeadline", deadline.toString()), "wang.qiang");
        TicketResponse resolved = ok(id, "resolve", Map.of("resolution", "Refunded", "rootCause", "BILLING_SYSTEM",
                "responsibleParty", "billing department"), "wang.qiang");

        assertThat(named.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(named.handler()).isEqualTo("wang.qiang");
        assertThat(contactedTicket.firstContactAt()).isEqualTo(contacted);
        assertThat(contactedTicket.firstContactMethod()).isEqualTo(ContactMethod.PHONE);
        assertThat(waiting.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(waiting.allowedActions()).containsExactly("handler", "notes", "first-contact", "resume", "transfer");
        assertThat(resumed.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(extended.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.rootCause()).isEqualTo(RootCause.BILLING_SYSTEM);
        assertThat(resolved.responsibleParty()).isEqualTo("billing department");
        assertThat(resolved.allowedActions()).isEmpty();
        assertThat(resolved.history()).extracting(entry -> entry.action() + " by " + entry.actor()).containsExactly(
                "assign by ticket-router", "accept by li.ming", "handler by li.ming", "notes by wang.qiang",
                "first-contact by wang.qiang", "wait by wang.qiang", "resume by wang.qiang",
                "extension by wang.qiang", "resolve by wang.qiang");

        HandlerAssigned handler = probe.awaitEvent(HandlerAssigned.class, e -> e.ticketId().equals(id));
        assertThat(handler.handler()).isEqualTo("wang.qiang");
        assertThat(handler.actor()).isEqualTo("li.ming");
        TicketNoteAdded note = probe.awaitEvent(TicketNoteAdded.class, e -> e.ticketId().equals(id));
        assertThat(note.note()).isEqualTo("Called billing");
        FirstContactRecorded contact = probe.awaitEvent(FirstContactRecorded.class, e -> e.ticketId().equals(id));
        assertThat(contact.contactedAt()).isEqualTo(contacted);
        assertThat(contact.method()).isEqualTo(ContactMethod.PHONE);
        TicketWaitingOnCustomer wait = probe.awaitEvent(TicketWaitingOnCustomer.class, e -> e.ticketId().equals(id));
        assertThat(wait.reason()).isEqualTo("Customer sends the bill");
        TicketResumed resume = probe.awaitEvent(TicketResumed.class, e -> e.ticketId().equals(id));
        ExtensionRequested extension = probe.awaitEvent(ExtensionRequested.class, e -> e.ticketId().equals(id));
        assertThat(extension.requestedDeadline()).isEqualTo(deadline);
        TicketResolved resolution = probe.awaitEvent(TicketResolved.class, e -> e.ticketId().equals(id));
        assertThat(resolution.rootCause()).isEqualTo(RootCause.BILLING_SYSTEM);
        for (ClosedLoopEvent event : List.of(handler, note, contact, wait, resume, extension, resolution)) {
            assertThat(event.complaintId()).isEqualTo(complaint.complaintId());
            Golden.assertSameShape(event);
        }
    }

    @Test
    void returnsATicketAndReroutesTheComplaintNeverBackToABranchThatReturnedIt() {
        ComplaintRegistered complaint = registered("Lixia");
        probe.publish(complaint);
        String first = awaitTicket(routedTicketId(complaint)).id();
        clock.add(Duration.ofMinutes(10));

        TicketResponse returned = ok(first, "return", Map.of("reason", "NOT_OUR_AREA", "text", "The address is in Licheng"),
                "li.ming");

        assertThat(returned.status()).isEqualTo(TicketStatus.RETURNED);
        assertThat(returned.returnedBy()).containsExactly("LIXIA-01");
        assertThat(returned.allowedActions()).isEmpty();
        TicketReturned event = probe.awaitEvent(TicketReturned.class, e -> e.ticketId().equals(first));
        assertThat(event.reason()).isEqualTo(ReturnReason.NOT_OUR_AREA);
        assertThat(event.reasonText()).isEqualTo("The address is in Licheng");
        assertThat(event.timesPassedOn()).isEqualTo(1);
        assertThat(event.branch()).isEqualTo("LIXIA-01");
        Golden.assertSameShape(event);
        String second = EventIds.derived(event.eventId(), "reroute").toString();
        assertThat(returned.nextTicketId()).isEqualTo(second);
        TicketResponse next = awaitTicket(second);
        assertThat(next.branch()).isEqualTo(Routing.MANUAL);
        assertThat(next.assignmentReason()).isEqualTo(AssignmentReason.RETURNED);
        assertThat(next.previousTicketId()).isEqualTo(first);
        assertThat(next.returnedBy()).containsExactly("LIXIA-01");
        assertThat(next.allowedActions()).contains("dispatch");
        TicketAssigned assigned = probe.awaitEvent(TicketAssigned.class, e -> e.ticketId().equals(second));
        assertThat(assigned.reason()).isEqualTo(AssignmentReason.RETURNED);
        assertThat(assigned.previousTicketId()).isEqualTo(first);
        assertThat(assigned.eventId()).isEqualTo(EventIds.derived(event.eventId(), "reroute-assign"));
        Golden.assertSameShape(assigned);

        // the router reads its own event again after a crash: nothing more happens
        probe.publish(event);
        probe.publish(complaint);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(probe.records(Topics.ROUTER_TICKET))
                .filteredOn(record -> complaint.complaintId().equals(record.key()))
                .filteredOn(record -> event.eventId().toString().equals(header(record, CloudEvents.ID)))
                .hasSize(2));
        http.post().uri("/api/v1/tickets/{id}/notes", second).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("note", "sentinel")).exchange().expectStatus().isOk();
        probe.awaitEvent(TicketNoteAdded.class, e -> e.ticketId().equals(second));
        assertThat(ticketsOf(complaint.complaintId())).extracting(TicketResponse::id).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void dispatchesFromTheDeskAndReportsAComplaintPassedOnThreeTimesUnclaimedOnce() {
        ComplaintRegistered complaint = registered("Lixia");
        probe.publish(complaint);
        String first = awaitTicket(routedTicketId(complaint)).id();
        String second = ok(first, "return", Map.of("reason", "NOT_OUR_AREA"), "li.ming").nextTicketId();
        awaitTicket(second);

        TicketResponse dispatched = ok(second, "dispatch", Map.of("branch", "SHIZHONG-01"), "desk.zhao");

        assertThat(dispatched.status()).isEqualTo(TicketStatus.TRANSFERRED);
        TicketTransferred transferred = probe.awaitEvent(TicketTransferred.class, e -> e.ticketId().equals(second));
        assertThat(transferred.toBranch()).isEqualTo("SHIZHONG-01");
        assertThat(transferred.branch()).isEqualTo(Routing.MANUAL);
        assertThat(transferred.timesPassedOn()).isEqualTo(2);
        assertThat(transferred.actor()).isEqualTo("desk.zhao");
        Golden.assertSameShape(transferred);
        TicketResponse third = awaitTicket(dispatched.nextTicketId());
        assertThat(third.branch()).isEqualTo("SHIZHONG-01");
        assertThat(third.assignmentReason()).isEqualTo(AssignmentReason.TRANSFERRED);
        TicketAssigned assigned = probe.awaitEvent(TicketAssigned.class, e -> e.ticketId().equals(third.id()));
        assertThat(assigned.reason()).isEqualTo(AssignmentReason.TRANSFERRED);

        TicketResponse returnedAgain = ok(third.id(), "return", Map.of("reason", "OTHER", "text", "No staff"), "sun.li");

        TicketUnclaimed unclaimed = probe.awaitEvent(TicketUnclaimed.class,
                e -> e.complaintId().equals(complaint.complaintId()));
        assertThat(unclaimed.eventId()).isEqualTo(EventIds.derived(complaint.complaintId(), "unclaimed"));
        assertThat(unclaimed.timesPassedOn()).isEqualTo(3);
        assertThat(unclaimed.ticketId()).isEqualTo(third.id());
        Golden.assertSameShape(unclaimed);
        TicketResponse fourth = awaitTicket(returnedAgain.nextTicketId());
        assertThat(fourth.branch()).isEqualTo(Routing.MANUAL);
        assertThat(fourth.returnedBy()).containsExactly("LIXIA-01", "SHIZHONG-01");
        ok(fourth.id(), "dispatch", Map.of("branch", "HUAIYIN-01"), "desk.zhao");
        probe.awaitEvent(TicketTransferred.class, e -> e.ticketId().equals(fourth.id()));
        assertThat(probe.events(TicketUnclaimed.class))
                .filteredOn(e -> e.complaintId().equals(complaint.complaintId())).hasSize(1);
    }

    @Test
    void tracesEveryHolderOfTheComplaintWithHowLongTheyHeldIt() {
        ComplaintRegistered complaint = registered("Tianqiao");
        probe.publish(complaint);
        String first = awaitTicket(routedTicketId(complaint)).id();
        Instant start = clock.instant();
        clock.add(Duration.ofMinutes(30));
        ok(first, "accept", null, "li.ming");
        ok(first, "handler", Map.of("handler", "wang.qiang"), "li.ming");
        clock.add(Duration.ofHours(2));
        String second = ok(first, "transfer", Map.of("branch", "LICHENG-01"), "desk.zhao").nextTicketId();
        awaitTicket(second);
        clock.add(Duration.ofMinutes(15));

        List<Holder> holders = http.get().uri("/api/v1/tickets/{id}/holders", second).exchange()
                .expectStatus().isOk().expectBodyList(Holder.class).returnResult().getResponseBody();

        Instant named = start.plus(Duration.ofMinutes(30));
        Instant moved = named.plus(Duration.ofHours(2));
        assertThat(holders).containsExactly(
                new Holder(first, "TIANQIAO-01", null, start, named, 1800),
                new Holder(first, "TIANQIAO-01", "wang.qiang", named, moved, 7200),
                new Holder(second, "LICHENG-01", null, moved, null, 900));
        http.get().uri("/api/v1/tickets/{id}/holders", first).exchange().expectStatus().isOk()
                .expectBodyList(Holder.class).hasSize(3);
    }

    // ---- the validation catalogue (docs/validation-ticket-router.md) ----

    @Test
    void refusesBadReturnsNamingTheFields() {
        Fixture ticket = fixture("Lixia");

        ticket.refuse("return", Map.of("reason", "LAZY"), 400, "reason");
        ticket.refuse("return", Map.of("reason", "OTHER"), 400, "text");
        ticket.refuse("return", Map.of("reason", "OTHER", "text", "   "), 400, "text");
        ticket.refuse("return", Map.of("reason", "DUPLICATE", "text", "x".repeat(501)), 400, "text");
        ticket.refuse("return", Map.of(), 400, "reason");

        ticket.assertUnchangedAndNothingPublished();
    }

    @Test
    void refusesBadFirstContactsNamingTheFields() {
        Fixture ticket = fixture("Lixia");
        ok(ticket.id, "accept", null, "li.ming");
        ticket.changed();

        ticket.refuse("first-contact", Map.of("contactedAt", clock.instant().minusSeconds(60).toString(),
                "method", "FAX", "result", "ok"), 400, "method");
        ticket.refuse("first-contact", Map.of("contactedAt", clock.instant().plusSeconds(60).toString(),
                "method", "PHONE", "result", "ok"), 400, "contactedAt");
        ticket.refuse("first-contact", Map.of("method", "PHONE", "result", " "), 400, "contactedAt", "result");
        ticket.refuse("first-contact", Map.of("contactedAt", "yesterday", "method", "PHONE", "result", "ok"), 400,
                "contactedAt");
        ticket.refuse("first-contact", Map.of("contactedAt", clock.instant().toString(), "method", "SMS",
                "result", "x".repeat(501)), 400, "result");

        ticket.assertUnchangedAndNothingPublished();
    }

    @Test
    void refusesBadResolutionsNamingTheFields() {
        Fixture ticket = fixture("Lixia");
        ok(ticket.id, "accept", null, "li.ming");
        ticket.changed();

        ticket.refuse("resolve", Map.of("resolution", "Fixed"), 400, "responsibleParty", "rootCause");
        ticket.refuse("resolve", Map.of("resolution", "Fixed", "rootCause", "BAD_LUCK", "responsibleParty", "x"), 400,
                "rootCause");
        ticket.refuse("resolve", Map.of("resolution", "", "rootCause", "PROCESS", "responsibleParty", " "), 400,
                "resolution", "responsibleParty");

        ticket.assertUnchangedAndNothingPublished();
    }

    @Test
    void refusesBadNotesHandlersWaitsAndExtensionsNamingTheFields() {
        Fixture ticket = fixture("Lixia");
        ok(ticket.id, "accept", null, "li.ming");
        ticket.changed();

        ticket.refuse("notes", Map.of("note", " "), 400, "note");
        ticket.refuse("notes", Map.of("note", "x".repeat(2001)), 400, "note");
        ticket.refuse("handler", Map.of("handler", ""), 400, "handler");
        ticket.refuse("wait", Map.of(), 400, "reason");
        ticket.refuse("extension", Map.of("reason", "More time",
                "requestedDeadline", clock.instant().minusSeconds(1).toString()), 400, "requestedDeadline");
        ticket.refuse("extension", Map.of("requestedDeadline", clock.instant().plusSeconds(3600).toString()), 400,
                "reason");
        ticket.refuse("extension", Map.of("reason", "More time", "requestedDeadline", "next week"), 400,
                "requestedDeadline");

        ticket.assertUnchangedAndNothingPublished();
    }

    @Test
    void refusesToSendATicketToAnUnknownOrInactiveBranch() {
        Fixture ticket = fixture("Changqing");
        assertThat(ticket.before.branch()).isEqualTo(Routing.MANUAL);

        ticket.refuse("dispatch", Map.of("branch", "NOWHERE-01"), 422, "branch");
        ticket.refuse("dispatch", Map.of("branch", "BILLING-CENTRE"), 422, "branch");
        ticket.refuse("transfer", Map.of("branch", Routing.MANUAL), 422, "branch");
        ticket.refuse("transfer", Map.of("branch", " "), 400, "branch");

        ticket.assertUnchangedAndNothingPublished();
    }

    @Test
    void refusesEveryActionTheStatusDoesNotAllowNamingStateAndAllowedActions() {
        Fixture ticket = fixture("Lixia");

        for (String action : List.of("resume", "handler", "resolve", "extension", "wait", "dispatch")) {
            Map<String, String> body = switch (action) {
                case "handler" -> Map.of("handler", "wang.qiang");
                case "resolve" -> RESOLUTION;
                case "extension" -> Map.of("reason", "x", "requestedDeadline", clock.instant().plusSeconds(60).toString());
                case "wait" -> Map.of("reason", "x");
                case "dispatch" -> Map.of("branch", "SHIZHONG-01");
                default -> null;
            };
            ticket.post(action, body).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.currentState").isEqualTo("ASSIGNED")
                    .jsonPath("$.allowedActions").isEqualTo(List.of("accept", "notes", "return", "transfer"));
        }

        ticket.assertUnchangedAndNothingPublished();
    }

    @Test
    void answersNotFoundForEveryActionOnAnUnknownTicket() {
        String unknown = UUID.randomUUID().toString();

        http.get().uri("/api/v1/tickets/{id}/holders", unknown).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(unknown));
        http.post().uri("/api/v1/tickets/{id}/resume", unknown).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/tickets/{id}/notes", unknown).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("note", "hello")).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(probe.records(Topics.ROUTER_TICKET)).noneMatch(record -> record.value().contains(unknown));
    }

    @Test
    void refusesABadLimitOnTheQueue() {
        for (String limit : List.of("0", "501", "many")) {
            http.get().uri("/api/v1/tickets?branch=LIXIA-01&limit=" + limit).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("limit"));
        }
    }

    @Test
    void refusesAnOversizedOrMalformedBody() {
        Fixture ticket = fixture("Lixia");

        http.post().uri("/api/v1/tickets/{id}/notes", ticket.id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"" + "x".repeat(300 * 1024) + "\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);
        http.post().uri("/api/v1/tickets/{id}/notes", ticket.id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\": \"unterminated").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Malformed request body");

        ticket.assertUnchangedAndNothingPublished();
    }

    // ---- the branch directory ----

    @Test
    void listsAndReloadsTheBranchDirectoryKeepingTheOldOneWhenTheFileIsInvalid() throws Exception {
        try {
            List<Branch> listed = branches();
            assertThat(listed).extracting(Branch::code).contains("LIXIA-01", "BILLING-CENTRE", Routing.MANUAL);

            java.nio.file.Files.writeString(TestDirectory.FILE, "[{\"code\":\"X\",\"categories\":[\"FAX\"]}]");
            http.post().uri("/api/v1/admin/branch-directory/reload").exchange()
                    .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Invalid branch directory");
            assertThat(branches()).isEqualTo(listed);

            java.nio.file.Files.writeString(TestDirectory.FILE, TestDirectory.demo().replaceFirst("\\[",
                    "[{\"code\":\"TESTVILLE-01\",\"name\":\"Testville\",\"districtCompany\":\"Test\","
                            + "\"districts\":[\"Testville\"],\"active\":true},"));
            http.post().uri("/api/v1/admin/branch-directory/reload").exchange().expectStatus().isOk()
                    .expectBodyList(Branch.class).hasSize(listed.size() + 1);
            ComplaintRegistered complaint = registered("Testville");
            probe.publish(complaint);
            assertThat(awaitTicket(routedTicketId(complaint)).branch()).isEqualTo("TESTVILLE-01");
        } finally {
            TestDirectory.restore();
            http.post().uri("/api/v1/admin/branch-directory/reload").exchange().expectStatus().isOk();
        }
    }

    private List<Branch> branches() {
        return http.get().uri("/api/v1/branches").exchange().expectStatus().isOk().expectBodyList(Branch.class)
                .returnResult().getResponseBody();
    }

    private TicketResponse ok(String id, String action, Map<String, String> body, String actor) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/tickets/{id}/" + action, id)
                .headers(TestIssuer.as(actor));
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectStatus().isOk().expectBody(TicketResponse.class).returnResult().getResponseBody();
    }

    private Fixture fixture(String district) {
        ComplaintRegistered complaint = registered(district);
        probe.publish(complaint);
        return new Fixture(awaitTicket(routedTicketId(complaint)));
    }

    /** A ticket that bad requests are thrown at, and what it looked like before them. */
    private final class Fixture {

        final String id;
        TicketResponse before;

        Fixture(TicketResponse ticket) {
            this.id = ticket.id();
            this.before = ticket;
        }

        void changed() {
            before = awaitTicket(id);
        }

        WebTestClient.ResponseSpec post(String action, Map<String, String> body) {
            WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/tickets/{id}/" + action, id);
            return (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)).exchange();
        }

        void refuse(String action, Map<String, String> body, int status, String... fields) {
            post(action, body).expectStatus().isEqualTo(status)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of(fields));
        }

        /** The ticket is as it was, and the only events of its complaint are the ones before the refusals. */
        void assertUnchangedAndNothingPublished() {
            TicketResponse now = awaitTicket(id);
            assertThat(now.status()).isEqualTo(before.status());
            assertThat(now.history()).isEqualTo(before.history());
            // a last good action: once its event is out, every earlier one of the complaint would be too (one key)
            post("notes", Map.of("note", "sentinel")).expectStatus().isOk();
            probe.awaitEvent(TicketNoteAdded.class, e -> e.ticketId().equals(id) && e.note().equals("sentinel"));
            List<String> types = probe.records(Topics.ROUTER_TICKET).stream()
                    .filter(record -> before.complaintId().equals(record.key()))
                    .map(record -> header(record, CloudEvents.TYPE)).toList();
            List<String> expected = new java.util.ArrayList<>(before.history().stream()
                    .map(entry -> switch (entry.action()) {
                        case "assign" -> EventType.TICKET_ASSIGNED.id();
                        case "accept" -> EventType.TICKET_ACCEPTED.id();
                        default -> entry.action();
                    }).toList());
            expected.add(EventType.TICKET_NOTE_ADDED.id());
            assertThat(types).isEqualTo(expected);
        }
    }

    static ComplaintRegistered registered(String district) {
        ComplaintRegistered golden = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
        return new ComplaintRegistered(UUID.randomUUID(), golden.occurredAt(), UUID.randomUUID().toString(),
                golden.number(), golden.channel(), golden.category(), Priority.NORMAL, golden.customer(), district,
                golden.description(), golden.actor());
    }

    private static ComplaintReopened reopened(ComplaintRegistered complaint) {
        ComplaintReopened golden = (ComplaintReopened) Golden.event(EventType.COMPLAINT_REOPENED);
        return new ComplaintReopened(UUID.randomUUID(), golden.occurredAt(), complaint.complaintId(),
                golden.reopenCount(), golden.priority(), golden.actor());
    }

    static String routedTicketId(ComplaintRegistered complaint) {
        return EventIds.derived(complaint.eventId(), "route").toString();
    }

    TicketResponse awaitTicket(String id) {
        return await().atMost(PATIENCE).until(() -> http.get().uri("/api/v1/tickets/{id}", id).exchange()
                        .returnResult(TicketResponse.class).getResponseBody().next().onErrorComplete().block(PATIENCE),
                ticket -> ticket != null && ticket.id() != null);
    }

    List<TicketResponse> ticketsOf(String complaintId) {
        return http.get().uri("/api/v1/tickets?complaintId={id}", complaintId).exchange()
                .expectStatus().isOk().expectBodyList(TicketResponse.class).returnResult().getResponseBody();
    }

    private List<String> list(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBodyList(TicketResponse.class)
                .returnResult().getResponseBody().stream().map(TicketResponse::id).toList();
    }

    ConsumerRecord<String, String> recordOf(java.util.UUID eventId) {
        return probe.records(Topics.ROUTER_TICKET).stream()
                .filter(record -> eventId.toString().equals(header(record, CloudEvents.ID)))
                .findFirst().orElseThrow();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEvents.header(record.headers(), name);
    }
}
