package closedloop.escalation;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClocksPaused;
import closedloop.contracts.ClocksResumed;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ExtensionRefused;
import closedloop.contracts.ExtensionRequested;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResumed;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketWaitingOnCustomer;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.Topics;
import closedloop.escalation.sla.ClockState;
import closedloop.escalation.sla.ExtensionStatus;
import closedloop.escalation.sla.SlaCase;
import closedloop.escalation.sla.SlaCases;
import closedloop.escalation.sla.Timekeeper;
import closedloop.escalation.sla.web.CaseClocksView;
import closedloop.escalation.sla.web.ClockView;
import closedloop.escalation.sla.web.EscalationView;
import closedloop.escalation.sla.web.ExtensionView;
import closedloop.platform.PeriodicPass;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.security.Role;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.TestIssuer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service against a real broker and a real MongoDB wire server: ticket events start, stop, pause and carry
 * clocks; the firing loop warns and escalates each exactly once; supervisors decide extensions over HTTP. Network
 * quality tickets have short limits here: sign for 10 min, first contact 20 min, resolve 40 min.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EscalationServiceApplication.NAME,
        "closedloop.escalation.scan-interval=100ms",
        "closedloop.sla.network-quality.sign-for=PT10M",
        "closedloop.sla.network-quality.first-contact=PT20M",
        "closedloop.sla.network-quality.resolve=PT40M"})
abstract class EscalationIntegrationTests {

    /** Passes of the firing loop after which whatever was due by the test clock's time has fired. */
    private static final int SEVERAL_PASSES = 3;

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;
    @Autowired
    private SlaCases cases;
    @Autowired
    @Qualifier(Timekeeper.FIRING_PASS)
    private PeriodicPass firingLoop;

    private KafkaProbe probe;

    @Test
    void warnsThenEscalatesToLevel1AndToLevel2WhenLongPastTheResolveLimit() {
        TicketAssigned assigned = assignment(newId(), Category.NETWORK_QUALITY, Priority.NORMAL);
        Instant dispatched = assigned.occurredAt();
        probe.publish(assigned);
        ClockStarted started = awaitPublished(ClockStarted.class, event -> event.ticketId().equals(assigned.ticketId())
                && event.clock() == ClockKind.RESOLVE);
        Golden.assertSameShape(started);
        assertThat(started.eventId()).isEqualTo(EventIds.derived(assigned.eventId(), "start-resolve-clock"));
        assertThat(started.deadline()).isEqualTo(dispatched.plus(Duration.ofMinutes(40)));
        stopSignForAndFirstContact(assigned);

        clock.setInstant(dispatched.plus(Duration.ofMinutes(30)));
        TicketWarned warned = awaitPublished(TicketWarned.class, event -> event.ticketId().equals(assigned.ticketId()));
        Golden.assertSameShape(warned);
        assertThat(warned.eventId()).isEqualTo(EventIds.derived(assigned.ticketId(), "RESOLVE/warning"));
        clock.setInstant(dispatched.plus(Duration.ofMinutes(40)));
        TicketEscalated level1 = awaitPublished(TicketEscalated.class, event -> event.ticketId()
                .equals(assigned.ticketId()) && event.level() == 1);
        Golden.assertSameShape(level1);
        assertThat(level1.eventId()).isEqualTo(EventIds.derived(assigned.ticketId(), "RESOLVE/level-1"));
        clock.setInstant(dispatched.plus(Duration.ofMinutes(80)));
        TicketEscalated level2 = awaitPublished(TicketEscalated.class, event -> event.ticketId()
                .equals(assigned.ticketId()) && event.level() == 2);
        assertThat(level2.reason()).isEqualTo(EscalationReason.LONG_PAST_LIMIT);

        long version = cases.findById(assigned.complaintId()).block().version();
        clock.add(Duration.ofHours(6));
        Settle.passes(firingLoop, SEVERAL_PASSES);
        assertThat(cases.findById(assigned.complaintId()).block().version()).as("written since").isEqualTo(version);
        assertThat(published(TicketEscalated.class)).filteredOn(e -> e.ticketId().equals(assigned.ticketId()))
                .hasSize(2);
        assertThat(published(TicketWarned.class)).filteredOn(e -> e.ticketId().equals(assigned.ticketId()))
                .hasSize(1);
        assertThat(listed(assigned.complaintId())).extracting(EscalationView::level, EscalationView::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, EscalationReason.LONG_PAST_LIMIT),
                        org.assertj.core.groups.Tuple.tuple(1, EscalationReason.LIMIT_PASSED));
        assertThat(listed(null)).extracting(EscalationView::complaintId).contains(assigned.complaintId());
        CaseClocksView clocks = clocksOf(assigned.complaintId());
        assertThat(clocks.clocks()).extracting(ClockView::kind, ClockView::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ClockKind.SIGN_FOR, ClockState.STOPPED),
                org.assertj.core.groups.Tuple.tuple(ClockKind.FIRST_CONTACT, ClockState.STOPPED),
                org.assertj.core.groups.Tuple.tuple(ClockKind.RESOLVE, ClockState.RUNNING));
        assertThat(clocks.level2()).isEqualTo(EscalationReason.LONG_PAST_LIMIT);
        assertThat(clocks.nextDueAt()).isNull();
    }

    @Test
    void neverEscalatesATicketWhileItWaitsOnTheCustomer() {
        TicketAssigned assigned = assignment(newId(), Category.NETWORK_QUALITY, Priority.NORMAL);
        Instant dispatched = assigned.occurredAt();
        probe.publish(assigned);
        probe.publish(new TicketWaitingOnCustomer(UUID.randomUUID(), dispatched.plusSeconds(60),
                assigned.complaintId(), assigned.ticketId(), assigned.branch(), "Customer abroad", "li.ming"));
        ClocksPaused paused = awaitPublished(ClocksPaused.class, e -> e.ticketId().equals(assigned.ticketId()));
        Golden.assertSameShape(paused);

        clock.setInstant(dispatched.plus(Duration.ofHours(3)));
        assertNothingFiredFor(assigned);

        probe.publish(new TicketResumed(UUID.randomUUID(), clock.instant(), assigned.complaintId(),
                assigned.ticketId(), assigned.branch(), "li.ming"));
        ClocksResumed resumed = awaitPublished(ClocksResumed.class, e -> e.ticketId().equals(assigned.ticketId()));
        Golden.assertSameShape(resumed);
        assertThat(resumed.resolveDeadline()).isEqualTo(clock.instant().plus(Duration.ofMinutes(39)));
        clock.add(Duration.ofMinutes(9));
        awaitPublished(TicketEscalated.class, e -> e.ticketId().equals(assigned.ticketId())
                && e.clock() == ClockKind.SIGN_FOR);
    }

    @Test
    void keepsTheResolveDeadlineOfAReturnedTicketForTheNextOne() {
        String complaintId = newId();
        TicketAssigned first = assignment(complaintId, Category.NETWORK_QUALITY, Priority.NORMAL);
        probe.publish(first);
        ClockStarted firstResolve = awaitPublished(ClockStarted.class, e -> e.ticketId().equals(first.ticketId())
                && e.clock() == ClockKind.RESOLVE);
        clock.add(Duration.ofMinutes(5));
        probe.publish(new TicketReturned(UUID.randomUUID(), clock.instant(), complaintId, first.ticketId(),
                first.branch(), ReturnReason.NOT_OUR_AREA, "Licheng", 1, "li.ming"));
        TicketAssigned next = new TicketAssigned(UUID.randomUUID(), clock.instant(), complaintId, newId(),
                "LICHENG-01", Category.NETWORK_QUALITY, Priority.NORMAL, first.ticketId(), AssignmentReason.RETURNED,
                Channel.HOTLINE, first.registeredAt());
        probe.publish(next);

        ClockStarted nextResolve = awaitPublished(ClockStarted.class, e -> e.ticketId().equals(next.ticketId())
                && e.clock() == ClockKind.RESOLVE);
        ClockStarted nextSignFor = awaitPublished(ClockStarted.class, e -> e.ticketId().equals(next.ticketId())
                && e.clock() == ClockKind.SIGN_FOR);
        assertThat(nextResolve.deadline()).isEqualTo(firstResolve.deadline());
        assertThat(nextSignFor.deadline()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        clock.setInstant(firstResolve.deadline());
        awaitPublished(TicketEscalated.class, e -> e.ticketId().equals(next.ticketId())
                && e.clock() == ClockKind.RESOLVE);
        assertThat(published(TicketEscalated.class)).filteredOn(e -> e.ticketId().equals(first.ticketId()))
                .isEmpty();
    }

    @Test
    void letsNobodyDecideAnExtensionTheyAskedForThemselves() {
        TicketAssigned assigned = assignment(newId(), Category.NETWORK_QUALITY, Priority.NORMAL);
        probe.publish(assigned);
        ClockStarted resolve = awaitPublished(ClockStarted.class, e -> e.ticketId().equals(assigned.ticketId())
                && e.clock() == ClockKind.RESOLVE);
        ExtensionRequested requested = requestExtension(assigned, resolve.deadline().plus(Duration.ofHours(2)));
        awaitExtension(requested);

        web.post().uri("/api/v1/extensions/{id}/approve", requested.eventId())
                .headers(TestIssuer.as("li.ming", List.of(Role.SUPERVISOR))).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("li.ming asked for extension " + requested.eventId()
                        + " and so may not decide it");
        web.post().uri("/api/v1/extensions/{id}/refuse", requested.eventId())
                .headers(TestIssuer.as("li.ming", List.of(Role.SUPERVISOR)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "no"))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(extensions("PENDING")).extracting(ExtensionView::extensionId)
                .contains(requested.eventId().toString());
    }

    @Test
    void showsADispatcherTheClocksOfTheirOwnBranchesOnly() {
        TicketAssigned assigned = assignment(newId(), Category.NETWORK_QUALITY, Priority.NORMAL);
        probe.publish(assigned);
        awaitPublished(ClockStarted.class, e -> e.ticketId().equals(assigned.ticketId()));

        web.get().uri("/api/v1/clocks/{id}", assigned.complaintId())
                .headers(TestIssuer.as("d.own", List.of(Role.DISPATCHER), assigned.branch())).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/v1/clocks/{id}", assigned.complaintId())
                .headers(TestIssuer.as("d.other", List.of(Role.DISPATCHER), "NOWHERE-01")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void letsSupervisorsApproveAndRefuseExtensionsWithinTheirLimits() {
        TicketAssigned assigned = assignment(newId(), Category.NETWORK_QUALITY, Priority.NORMAL);
        probe.publish(assigned);
        ClockStarted resolve = awaitPublished(ClockStarted.class, e -> e.ticketId().equals(assigned.ticketId())
                && e.clock() == ClockKind.RESOLVE);
        ExtensionRequested first = requestExtension(assigned, resolve.deadline().plus(Duration.ofHours(2)));
        String firstId = first.eventId().toString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(extensions("PENDING"))
                .extracting(ExtensionView::extensionId).contains(firstId));
        ExtensionView pending = extensions("PENDING").stream().filter(e -> e.extensionId().equals(firstId))
                .findFirst().orElseThrow();
        assertThat(pending.resolveDeadline()).isEqualTo(resolve.deadline());
        assertThat(pending.requestedBy()).isEqualTo("li.ming");

        ExtensionView approved = post("/api/v1/extensions/" + firstId + "/approve", null)
                .expectStatus().isOk().expectBody(ExtensionView.class).returnResult().getResponseBody();
        assertThat(approved.status()).isEqualTo(ExtensionStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("sup.liu");
        assertThat(approved.resolveDeadline()).isEqualTo(first.requestedDeadline());
        ExtensionApproved event = awaitPublished(ExtensionApproved.class, e -> e.extensionId().equals(firstId));
        Golden.assertSameShape(event);
        assertThat(event.previousDeadline()).isEqualTo(resolve.deadline());
        assertThat(clocksOf(assigned.complaintId()).clocks()).filteredOn(c -> c.kind() == ClockKind.RESOLVE)
                .extracting(ClockView::deadline).containsExactly(first.requestedDeadline());
        post("/api/v1/extensions/" + firstId + "/approve", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("APPROVED")
                .jsonPath("$.title").isEqualTo("Not allowed in the current state")
                .jsonPath("$.allowedActions").isEmpty();

        ExtensionRequested second = requestExtension(assigned, first.requestedDeadline().plus(Duration.ofHours(1)));
        awaitExtension(second);
        post("/api/v1/extensions/" + second.eventId() + "/approve",
                Map.of("deadline", first.requestedDeadline().plus(Duration.ofMinutes(30)).toString()))
                .expectStatus().isOk().expectBody().jsonPath("$.resolveDeadline")
                .isEqualTo(first.requestedDeadline().plus(Duration.ofMinutes(30)).toString());

        ExtensionRequested third = requestExtension(assigned, first.requestedDeadline().plus(Duration.ofHours(3)));
        awaitExtension(third);
        post("/api/v1/extensions/" + third.eventId() + "/approve", null).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("2"));
        post("/api/v1/extensions/" + third.eventId() + "/refuse", Map.of()).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post("/api/v1/extensions/" + third.eventId() + "/refuse", Map.of("reason", "Two are enough"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REFUSED")
                .jsonPath("$.refusalReason").isEqualTo("Two are enough");
        ExtensionRefused refused = awaitPublished(ExtensionRefused.class,
                e -> e.extensionId().equals(third.eventId().toString()));
        Golden.assertSameShape(refused);
        post("/api/v1/extensions/" + UUID.randomUUID() + "/approve", null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/v1/extensions/" + firstId + "/approve", Map.of("deadline", "tomorrow")).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("deadline");
        assertThat(extensions(null)).extracting(ExtensionView::extensionId)
                .containsSubsequence(third.eventId().toString(), second.eventId().toString(), firstId);
    }

    @Test
    void appliesTheGoldenTicketEventsOfTheRouter() {
        String complaintId = newId();
        String ticketId = newId();
        clock.add(Duration.ofMinutes(1));
        sendGolden(EventType.TICKET_ASSIGNED, complaintId, ticketId);
        awaitPublished(ClockStarted.class, e -> e.ticketId().equals(ticketId) && e.clock() == ClockKind.RESOLVE);
        for (EventType type : List.of(EventType.TICKET_ACCEPTED, EventType.FIRST_CONTACT_RECORDED,
                EventType.EXTENSION_REQUESTED, EventType.TICKET_WAITING_ON_CUSTOMER)) {
            sendGolden(type, complaintId, ticketId);
        }
        awaitPublished(ClocksPaused.class, e -> e.ticketId().equals(ticketId));
        sendGolden(EventType.TICKET_RESUMED, complaintId, ticketId);
        awaitPublished(ClocksResumed.class, e -> e.ticketId().equals(ticketId));
        sendGolden(EventType.TICKET_UNCLAIMED, complaintId, ticketId);
        TicketEscalated unclaimed = awaitPublished(TicketEscalated.class, e -> e.ticketId().equals(ticketId)
                && e.reason() == EscalationReason.UNCLAIMED);
        assertThat(unclaimed.level()).isEqualTo(2);
        sendGolden(EventType.TICKET_RESOLVED, complaintId, ticketId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(clocksOf(complaintId).clocks())
                .extracting(ClockView::state).containsOnly(ClockState.STOPPED));
        assertThat(extensions(null)).filteredOn(e -> e.complaintId().equals(complaintId))
                .extracting(ExtensionView::status).containsExactly(ExtensionStatus.LAPSED);
    }

    @Test
    void deadLettersAPoisonRecordAndStillAppliesTheNextEvent() {
        String complaintId = newId();
        ProducerRecord<String, String> untyped = new ProducerRecord<>(Topics.ROUTER_TICKET, complaintId, "{}");
        ProducerRecord<String, String> misfit = new ProducerRecord<>(Topics.ROUTER_TICKET, complaintId,
                "{\"occurredAt\":\"yesterday\"}");
        misfit.headers().add(CloudEvents.TYPE, EventType.TICKET_ASSIGNED.id().getBytes(StandardCharsets.UTF_8));
        TicketAssigned good = assignment(complaintId, Category.BILLING, Priority.MAJOR);

        probe.send(untyped);
        probe.send(misfit);
        probe.publish(good);

        awaitPublished(ClockStarted.class, event -> event.ticketId().equals(good.ticketId()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.records(Topics.deadLetter(Topics.ROUTER_TICKET)))
                        .filteredOn(record -> complaintId.equals(record.key()))
                        .extracting(record -> record.value())
                        // other listeners of router.ticket in this service (own consumer groups) dead-letter it too
                        .contains(untyped.value(), misfit.value()));
    }

    @Test
    void answersNotFoundForTheClocksOfAnUnknownComplaint() {
        web.get().uri("/api/v1/clocks/{id}", newId()).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void stopSignForAndFirstContact(TicketAssigned assigned) {
        probe.publish(new TicketAccepted(UUID.randomUUID(), assigned.occurredAt().plusSeconds(10),
                assigned.complaintId(), assigned.ticketId(), assigned.branch(), "li.ming"));
        probe.publish(new FirstContactRecorded(UUID.randomUUID(), assigned.occurredAt().plusSeconds(20),
                assigned.complaintId(), assigned.ticketId(), assigned.branch(), assigned.occurredAt().plusSeconds(20),
                null, "called", "li.ming"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(clocksOf(assigned.complaintId())
                .clocks()).filteredOn(c -> c.state() == ClockState.STOPPED).hasSize(2));
    }

    private ExtensionRequested requestExtension(TicketAssigned assigned, Instant deadline) {
        clock.add(Duration.ofSeconds(1));
        ExtensionRequested requested = new ExtensionRequested(UUID.randomUUID(), clock.instant(),
                assigned.complaintId(), assigned.ticketId(), assigned.branch(), "Needs the provincial centre",
                deadline, "li.ming");
        probe.publish(requested);
        return requested;
    }

    private void awaitExtension(ExtensionRequested requested) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(extensions("PENDING"))
                .extracting(ExtensionView::extensionId).contains(requested.eventId().toString()));
    }

    /** Sends a golden body as the router would, with fresh complaint, ticket and event ids. */
    private void sendGolden(EventType type, String complaintId, String ticketId) {
        String json = Golden.json(type).replace(Golden.COMPLAINT_ID, complaintId).replace(Golden.TICKET_ID, ticketId)
                .replace(Golden.event(type).eventId().toString(), UUID.randomUUID().toString());
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), complaintId, json);
        record.headers().add(CloudEvents.TYPE, type.id().getBytes(StandardCharsets.UTF_8));
        probe.send(record);
    }

    private WebTestClient.ResponseSpec post(String path, Object body) {
        var request = web.post().uri(path).headers(TestIssuer.as("sup.liu"));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private List<ExtensionView> extensions(String status) {
        return web.get().uri(builder -> builder.path("/api/v1/extensions")
                        .queryParamIfPresent("status", Optional.ofNullable(status)).build())
                .exchange().expectStatus().isOk().expectBodyList(ExtensionView.class).returnResult()
                .getResponseBody();
    }

    private CaseClocksView clocksOf(String complaintId) {
        return web.get().uri("/api/v1/clocks/{id}", complaintId).exchange().expectStatus().isOk()
                .expectBody(CaseClocksView.class).returnResult().getResponseBody();
    }

    @Test
    void aBulkSaveWritesOnlyTheCasesStillAtTheirVersionAndSaysWhetherAllWere() {
        List<String> ids = List.of(newId(), newId());
        ids.forEach(id -> probe.publish(assignment(id, Category.NETWORK_QUALITY, Priority.NORMAL)));
        List<SlaCase> read = await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.findAllById(ids).collectList().block(), found -> found.size() == 2);
        SlaCase movedOnMeanwhile = cases.save(cases.findById(ids.get(1)).block()).block();

        assertThat(cases.saveAll(read).block()).isFalse();
        assertThat(storedVersion(ids.get(0))).isEqualTo(versionOf(read, ids.get(0)) + 1);
        assertThat(storedVersion(ids.get(1))).isEqualTo(movedOnMeanwhile.version());

        List<SlaCase> fresh = cases.findAllById(ids).collectList().block();
        assertThat(cases.saveAll(fresh).block()).isTrue();
        assertThat(fresh).allSatisfy(slaCase ->
                assertThat(storedVersion(slaCase.complaintId())).isEqualTo(slaCase.version()));
        assertThat(storedVersion(ids.get(1))).isEqualTo(movedOnMeanwhile.version() + 1);
    }

    private long storedVersion(String complaintId) {
        return cases.findById(complaintId).block().version();
    }

    private static long versionOf(List<SlaCase> found, String complaintId) {
        return found.stream().filter(slaCase -> slaCase.complaintId().equals(complaintId)).findFirst().orElseThrow()
                .version();
    }

    private TicketAssigned assignment(String complaintId, Category category, Priority priority) {
        return new TicketAssigned(UUID.randomUUID(), clock.instant(), complaintId, newId(), "LIXIA-01", category,
                priority, null, AssignmentReason.ROUTED, Channel.HOTLINE, clock.instant().minusSeconds(5));
    }

    /**
     * After a few passes of the firing loop by the clock's time now, the case has no escalation and no warning: a
     * firing is recorded in the case in the same write as its events, so none can be on its way to the topic either.
     */
    private void assertNothingFiredFor(TicketAssigned assigned) {
        Settle.passes(firingLoop, SEVERAL_PASSES);
        SlaCase slaCase = cases.findById(assigned.complaintId()).block();
        assertThat(slaCase.escalations()).isEmpty();
        assertThat(slaCase.ticket().clocks()).noneMatch(clock -> clock.warned() || clock.breached());
        assertThat(published(TicketEscalated.class)).filteredOn(e -> e.ticketId().equals(assigned.ticketId()))
                .isEmpty();
        assertThat(published(TicketWarned.class)).filteredOn(e -> e.ticketId().equals(assigned.ticketId())).isEmpty();
    }

    private List<EscalationView> listed(String complaintId) {
        return web.get()
                .uri(builder -> builder.path("/api/v1/escalations").queryParamIfPresent("complaintId",
                        Optional.ofNullable(complaintId)).build())
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(EscalationView.class)
                .returnResult().getResponseBody();
    }

    /**
     * The events this service published. Read from its own topic only: the probe's {@code events} would throw on the
     * poison records that one test leaves on {@code router.ticket}.
     */
    private <T extends ClosedLoopEvent> List<T> published(Class<T> type) {
        return probe.records(Topics.ESCALATION_SLA).stream()
                .map(record -> CloudEvents.fromRecord(record).orElse(null))
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private <T extends ClosedLoopEvent> T awaitPublished(Class<T> type, Predicate<T> condition) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> published(type).stream().filter(condition).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
