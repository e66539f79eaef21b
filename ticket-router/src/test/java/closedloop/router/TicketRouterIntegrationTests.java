package closedloop.router;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.Topics;
import closedloop.platform.events.CloudEvents;
import closedloop.router.routing.Routing;
import closedloop.router.routing.TicketStatus;
import closedloop.router.routing.web.TicketResponse;
import closedloop.testsupport.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
@SpringBootTest(classes = TicketRouterApplication.class, webEnvironment = RANDOM_PORT,
        properties = "spring.config.name=" + TicketRouterApplication.NAME)
abstract class TicketRouterIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MutableClock clock;

    WebTestClient http;
    KafkaProbe probe;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build();
        probe = new KafkaProbe(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        probe.close();
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

        TicketResponse accepted = http.post().uri("/api/v1/tickets/{id}/accept", id).header("X-Actor", "li.ming")
                .exchange().expectStatus().isOk().expectBody(TicketResponse.class).returnResult().getResponseBody();
        clock.add(Duration.ofHours(3));
        TicketResponse resolved = http.post().uri("/api/v1/tickets/{id}/resolve", id).header("X-Actor", "zhang.wei")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "Refunded the double charge"))
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
        assertThat(resolvedEvent.occurredAt()).isEqualTo(clock.instant());
        Golden.assertSameShape(resolvedEvent);
        assertThat(recordOf(resolvedEvent.eventId()).key()).isEqualTo(complaint.complaintId());
    }

    @Test
    void signsForAsAnonymousWithoutAnActorHeader() {
        ComplaintRegistered complaint = registered("Tianqiao");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();

        http.post().uri("/api/v1/tickets/{id}/accept", id).exchange().expectStatus().isOk();

        assertThat(probe.awaitEvent(TicketAccepted.class, event -> event.ticketId().equals(id)).actor())
                .isEqualTo("anonymous");
    }

    @Test
    void refusesToResolveATicketNobodySignedFor() {
        ComplaintRegistered complaint = registered("Lixia");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();

        http.post().uri("/api/v1/tickets/{id}/resolve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "Fixed"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.currentState").isEqualTo("ASSIGNED")
                .jsonPath("$.allowedActions").isEqualTo(List.of("accept"));

        assertThat(awaitTicket(id).status()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    void letsOnlyOneOfTwoConcurrentSignForsThrough() {
        ComplaintRegistered complaint = registered("Licheng");
        probe.publish(complaint);
        String id = awaitTicket(routedTicketId(complaint)).id();

        List<CompletableFuture<Integer>> attempts = List.of("li.ming", "zhang.wei").stream()
                .map(actor -> CompletableFuture.supplyAsync(() -> http.post()
                        .uri("/api/v1/tickets/{id}/accept", id).header("X-Actor", actor)
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
                .bodyValue(Map.of("resolution", "   "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("resolution"));
        http.post().uri("/api/v1/tickets/{id}/resolve", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resolution", "x".repeat(2001)))
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

    private static ComplaintRegistered registered(String district) {
        ComplaintRegistered golden = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
        return new ComplaintRegistered(UUID.randomUUID(), golden.occurredAt(), UUID.randomUUID().toString(),
                golden.number(), golden.channel(), golden.category(), golden.priority(), golden.customer(), district,
                golden.description(), golden.actor());
    }

    private static ComplaintReopened reopened(ComplaintRegistered complaint) {
        ComplaintReopened golden = (ComplaintReopened) Golden.event(EventType.COMPLAINT_REOPENED);
        return new ComplaintReopened(UUID.randomUUID(), golden.occurredAt(), complaint.complaintId(),
                golden.reopenCount(), golden.priority(), golden.actor());
    }

    private static String routedTicketId(ComplaintRegistered complaint) {
        return EventIds.derived(complaint.eventId(), "route").toString();
    }

    private TicketResponse awaitTicket(String id) {
        return await().atMost(PATIENCE).until(() -> http.get().uri("/api/v1/tickets/{id}", id).exchange()
                        .returnResult(TicketResponse.class).getResponseBody().next().onErrorComplete().block(PATIENCE),
                ticket -> ticket != null && ticket.id() != null);
    }

    private List<TicketResponse> ticketsOf(String complaintId) {
        return http.get().uri("/api/v1/tickets?complaintId={id}", complaintId).exchange()
                .expectStatus().isOk().expectBodyList(TicketResponse.class).returnResult().getResponseBody();
    }

    private List<String> list(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBodyList(TicketResponse.class)
                .returnResult().getResponseBody().stream().map(TicketResponse::id).toList();
    }

    private ConsumerRecord<String, String> recordOf(java.util.UUID eventId) {
        return probe.records(Topics.ROUTER_TICKET).stream()
                .filter(record -> eventId.toString().equals(header(record, CloudEvents.ID)))
                .findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEvents.header(record.headers(), name);
    }
}
