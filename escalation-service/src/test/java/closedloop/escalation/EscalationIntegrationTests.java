package closedloop.escalation;

import closedloop.contracts.Category;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.Topics;
import closedloop.escalation.sla.ClockState;
import closedloop.escalation.sla.SlaClock;
import closedloop.escalation.sla.SlaClocks;
import closedloop.escalation.sla.Timekeeper;
import closedloop.escalation.sla.web.EscalationView;
import closedloop.platform.events.CloudEvents;
import closedloop.testsupport.KafkaProbe;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service against a real broker and a real MongoDB wire server: ticket events start and stop clocks, the loop
 * fires each overdue clock exactly once, and the escalations are listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EscalationServiceApplication.NAME,
        "closedloop.escalation.scan-interval=100ms"})
abstract class EscalationIntegrationTests {

    /** Long enough for several passes of the loop (every 100 ms in these tests). */
    private static final Duration SEVERAL_SCANS = Duration.ofMillis(700);

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;
    @Autowired
    private SlaClocks clocks;
    @Autowired
    private Timekeeper timekeeper;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    private KafkaProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new KafkaProbe(bootstrapServers);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void startsTheResolveClockOfTheGoldenAssignmentAndEscalatesItOnceWhenItsDeadlinePasses() {
        TicketAssigned assigned = freshGoldenAssignment(newId());

        probe.publish(assigned);

        ClockStarted started = awaitPublished(ClockStarted.class, event -> event.ticketId().equals(assigned.ticketId()));
        Golden.assertSameShape(started);
        assertThat(started.eventId()).isEqualTo(EventIds.derived(assigned.eventId(), "start-resolve-clock"));
        assertThat(started.clock()).isEqualTo(ClockKind.RESOLVE);
        assertThat(started.deadline()).isEqualTo(assigned.occurredAt().plus(Duration.ofHours(24)));

        clock.setInstant(started.deadline().minusSeconds(1));
        assertNoEscalationFor(assigned.ticketId());

        clock.setInstant(started.deadline());
        TicketEscalated escalated = awaitPublished(TicketEscalated.class,
                event -> event.ticketId().equals(assigned.ticketId()));
        Golden.assertSameShape(escalated);
        assertThat(escalated).isEqualTo(new TicketEscalated(EventIds.derived(assigned.ticketId(), "RESOLVE/level-1"),
                started.deadline(), assigned.complaintId(), assigned.ticketId(), assigned.branch(), 1,
                ClockKind.RESOLVE, started.deadline()));

        clock.add(Duration.ofHours(6));
        await().during(SEVERAL_SCANS).atMost(SEVERAL_SCANS.multipliedBy(3))
                .untilAsserted(() -> assertThat(escalationsOf(assigned.ticketId())).hasSize(1));
        assertThat(listed(assigned.complaintId())).containsExactly(new EscalationView(assigned.ticketId(),
                assigned.complaintId(), assigned.branch(), 1, ClockKind.RESOLVE, started.deadline(),
                started.deadline()));
    }

    @Test
    void firesOnceWhenSeveralPassesRaceForTheSameClock() {
        TicketAssigned assigned = assignment(newId(), Category.BILLING, Priority.URGENT);
        probe.publish(assigned);
        ClockStarted started = awaitPublished(ClockStarted.class, event -> event.ticketId().equals(assigned.ticketId()));

        clock.setInstant(started.deadline().plusSeconds(1));
        Integer firedByRacers = Flux.range(0, 4)
                .flatMap(racer -> timekeeper.escalateDue().subscribeOn(Schedulers.parallel()))
                .reduce(0, Integer::sum)
                .block(Duration.ofSeconds(10));

        assertThat(firedByRacers).isBetween(0, 1);
        awaitPublished(TicketEscalated.class, event -> event.ticketId().equals(assigned.ticketId()));
        await().during(SEVERAL_SCANS).atMost(SEVERAL_SCANS.multipliedBy(3))
                .untilAsserted(() -> assertThat(escalationsOf(assigned.ticketId())).hasSize(1));
    }

    @Test
    void neverEscalatesATicketResolvedBeforeItsDeadline() {
        String complaintId = newId();
        TicketAssigned resolvedInTime = assignment(complaintId, Category.BILLING, Priority.NORMAL);
        TicketAssigned leftOpen = assignment(complaintId, Category.BILLING, Priority.NORMAL);
        probe.publish(resolvedInTime);
        probe.publish(leftOpen);
        probe.publish(new TicketResolved(UUID.randomUUID(), clock.instant().plusSeconds(1), complaintId,
                resolvedInTime.ticketId(), resolvedInTime.branch(), "Refunded the double charge", "li.ming"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(clockOf(resolvedInTime).state()).isEqualTo(ClockState.STOPPED));

        clock.add(Duration.ofHours(25));

        awaitPublished(TicketEscalated.class, event -> event.ticketId().equals(leftOpen.ticketId()));
        assertNoEscalationFor(resolvedInTime.ticketId());
        assertThat(clockOf(resolvedInTime).state()).isEqualTo(ClockState.STOPPED);
        assertThat(listed(complaintId)).extracting(EscalationView::ticketId).containsExactly(leftOpen.ticketId());
    }

    @Test
    void neverEscalatesATicketItsBranchReturnedOrHandedOn() {
        String complaintId = newId();
        TicketAssigned returned = assignment(complaintId, Category.BILLING, Priority.NORMAL);
        TicketAssigned transferred = assignment(complaintId, Category.BILLING, Priority.NORMAL);
        TicketAssigned leftOpen = assignment(complaintId, Category.BILLING, Priority.NORMAL);
        probe.publish(returned);
        probe.publish(transferred);
        probe.publish(leftOpen);
        probe.publish(new TicketReturned(UUID.randomUUID(), clock.instant().plusSeconds(1), complaintId,
                returned.ticketId(), returned.branch(), ReturnReason.NOT_OUR_AREA, "Licheng", 1, "li.ming"));
        probe.publish(new TicketTransferred(UUID.randomUUID(), clock.instant().plusSeconds(1), complaintId,
                transferred.ticketId(), transferred.branch(), "LICHENG-01", 1, "desk.zhao"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(clockOf(returned).state()).isEqualTo(ClockState.STOPPED);
            assertThat(clockOf(transferred).state()).isEqualTo(ClockState.STOPPED);
        });

        clock.add(Duration.ofHours(25));

        awaitPublished(TicketEscalated.class, event -> event.ticketId().equals(leftOpen.ticketId()));
        assertNoEscalationFor(returned.ticketId());
        assertNoEscalationFor(transferred.ticketId());
    }

    @Test
    void startsOneClockWhenTheSameAssignmentArrivesTwice() {
        String complaintId = newId();
        TicketAssigned assigned = assignment(complaintId, Category.NETWORK_QUALITY, Priority.URGENT);
        TicketAssigned next = assignment(complaintId, Category.OTHER, Priority.NORMAL);

        probe.publish(assigned);
        probe.publish(assigned);
        probe.publish(next);

        awaitPublished(ClockStarted.class, event -> event.ticketId().equals(next.ticketId()));
        assertThat(published(ClockStarted.class)).filteredOn(event -> event.ticketId().equals(assigned.ticketId()))
                .singleElement()
                .satisfies(started -> assertThat(started.deadline())
                        .isEqualTo(assigned.occurredAt().plus(Duration.ofHours(36))));
        assertThat(clocks.findAll().filter(clock -> clock.ticketId().equals(assigned.ticketId())).collectList()
                .block(Duration.ofSeconds(5))).hasSize(1);
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
                        .containsExactly(untyped.value(), misfit.value()));
    }

    @Test
    void listsEscalationsNewestFirst() {
        String complaintId = newId();
        TicketAssigned billing = assignment(complaintId, Category.BILLING, Priority.NORMAL);
        TicketAssigned repair = assignment(complaintId, Category.INSTALLATION_REPAIR, Priority.NORMAL);
        probe.publish(billing);
        probe.publish(repair);
        awaitPublished(ClockStarted.class, event -> event.ticketId().equals(repair.ticketId()));

        clock.add(Duration.ofHours(25));
        awaitPublished(TicketEscalated.class, event -> event.ticketId().equals(billing.ticketId()));
        clock.add(Duration.ofHours(24));
        awaitPublished(TicketEscalated.class, event -> event.ticketId().equals(repair.ticketId()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listed(complaintId)).extracting(EscalationView::ticketId)
                        .containsExactly(repair.ticketId(), billing.ticketId()));
        assertThat(listed(null)).extracting(EscalationView::ticketId)
                .containsSubsequence(repair.ticketId(), billing.ticketId());
    }

    private TicketAssigned freshGoldenAssignment(String complaintId) {
        TicketAssigned golden = (TicketAssigned) Golden.event(EventType.TICKET_ASSIGNED);
        return new TicketAssigned(UUID.randomUUID(), clock.instant(), complaintId, newId(), golden.branch(),
                golden.category(), golden.priority(), golden.previousTicketId());
    }

    private TicketAssigned assignment(String complaintId, Category category, Priority priority) {
        return new TicketAssigned(UUID.randomUUID(), clock.instant(), complaintId, newId(), "LIXIA-01", category,
                priority, null);
    }

    private void assertNoEscalationFor(String ticketId) {
        await().during(SEVERAL_SCANS).atMost(SEVERAL_SCANS.multipliedBy(3))
                .untilAsserted(() -> assertThat(escalationsOf(ticketId)).isEmpty());
    }

    private List<TicketEscalated> escalationsOf(String ticketId) {
        return published(TicketEscalated.class).stream().filter(event -> event.ticketId().equals(ticketId)).toList();
    }

    private SlaClock clockOf(TicketAssigned assigned) {
        return clocks.findById(SlaClock.idOf(assigned.ticketId(), ClockKind.RESOLVE)).block(Duration.ofSeconds(5));
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
