package closedloop.escalation.league;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClocksPaused;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EventType;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.Golden;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.Topics;
import closedloop.escalation.EscalationServiceApplication;
import closedloop.escalation.league.messaging.LeagueListener;
import closedloop.escalation.league.web.LeagueTableResponse;
import closedloop.platform.events.CloudEvents;
import closedloop.platform.web.IsoInstant;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The league table against a real broker and a real MongoDB wire server: a realistic history of three branches,
 * delivered out of order across topics and partly twice, gives the table worked out by hand in docs/league-table.md.
 * <p>
 * The SLA engine runs beside the league and starts resolve clocks of its own for the same tickets; the deadlines
 * published here are days later than any the engine gives a NORMAL billing ticket, so the league's "latest deadline"
 * is the one this history states.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + EscalationServiceApplication.NAME)
abstract class LeagueIntegrationTests {

    private static final Duration SIGN_FOR_LIMIT = Duration.ofHours(24);
    private static final Duration RESOLVE_LIMIT = Duration.ofDays(10);

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;
    @Autowired
    private ReactiveMongoTemplate mongo;

    private KafkaProbe probe;
    private Instant t0;
    private final List<ClosedLoopEvent> routerEvents = new ArrayList<>();
    private final List<ClosedLoopEvent> slaEvents = new ArrayList<>();
    private final List<ClosedLoopEvent> intakeEvents = new ArrayList<>();
    private final List<ClosedLoopEvent> contactEvents = new ArrayList<>();

    @BeforeEach
    void openProbe() {
        t0 = clock.instant();
    }

    @Test
    void theLeagueTableMatchesTheEvents() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String a = "A-" + suffix;
        String b = "B-" + suffix;
        String c = "C-" + suffix;
        String c1 = registered(false);
        String c2 = registered(false);
        String c3 = registered(true);
        String c5 = registered(false);
        String c6 = registered(false);
        String c7 = registered(false);
        String c8 = registered(false);
        String c9 = newId(); // its registration never arrives: left out of the repeat-complaint rate

        // A: on time; late sign-for but resolved within an approved extension, then sent back (发回重办); returned (退单)
        TicketAssigned a1 = dispatched(c1, a, hours(0), null, AssignmentReason.ROUTED);
        ticket(new TicketAccepted(newUuid(), hours(1), c1, a1.ticketId(), a, "li.ming"));
        ticket(new TicketResolved(newUuid(), days(2), c1, a1.ticketId(), a, "Refunded", "li.ming"));
        calledBack(a1, days(2).plusSeconds(3600), CallbackOutcome.SATISFIED);

        TicketAssigned a2 = dispatched(c2, a, hours(1), null, AssignmentReason.ROUTED);
        ticket(new TicketAccepted(newUuid(), hours(26), c2, a2.ticketId(), a, "li.ming"));
        sla(new ExtensionApproved(newUuid(), days(9), c2, a2.ticketId(), a, newId(), resolveDeadlineOf(a2),
                days(15), "sup.liu"));
        ticket(new TicketResolved(newUuid(), days(11), c2, a2.ticketId(), a, "Replaced the modem", "li.ming"));
        calledBack(a2, days(11).plusSeconds(3600), CallbackOutcome.UNSATISFIED);
        intakeEvents.add(new ComplaintReopened(newUuid(), days(11).plusSeconds(5400), c2, 1, Priority.URGENT,
                "agent-017"));
        dispatched(c2, a, days(11).plusSeconds(7200), a2.ticketId(), AssignmentReason.REOPENED);

        TicketAssigned a3 = dispatched(c3, a, hours(2), null, AssignmentReason.ROUTED);
        TicketReturned returned = new TicketReturned(newUuid(), hours(3), c3, a3.ticketId(), a,
                ReturnReason.NOT_OUR_AREA, "Not our district", 1, "li.ming");
        ticket(returned);

        // B: the returned complaint, overdue; never signed for; waiting on the customer; two resolved
        TicketAssigned b3 = dispatched(c3, b, hours(3), a3.ticketId(), AssignmentReason.RETURNED,
                resolveDeadlineOf(a3));
        ticket(new TicketAccepted(newUuid(), hours(4), c3, b3.ticketId(), b, "zhao.lei"));

        dispatched(c5, b, hours(5), null, AssignmentReason.ROUTED);

        TicketAssigned b6 = dispatched(c6, b, hours(6), null, AssignmentReason.ROUTED);
        ticket(new TicketAccepted(newUuid(), hours(7), c6, b6.ticketId(), b, "zhao.lei"));
        sla(new ClocksPaused(newUuid(), days(1), c6, b6.ticketId(), b, "Customer travels until Friday"));

        TicketAssigned b7 = dispatched(c7, b, hours(7), null, AssignmentReason.ROUTED);
        ticket(new TicketAccepted(newUuid(), hours(8), c7, b7.ticketId(), b, "zhao.lei"));
        ticket(new TicketResolved(newUuid(), days(1), c7, b7.ticketId(), b, "Fixed the line", "zhao.lei"));
        calledBack(b7, days(1).plusSeconds(3600), CallbackOutcome.BASICALLY_SATISFIED);

        TicketAssigned b8 = dispatched(c8, b, hours(8), null, AssignmentReason.ROUTED);
        ticket(new TicketAccepted(newUuid(), hours(9), c8, b8.ticketId(), b, "zhao.lei"));
        ticket(new TicketResolved(newUuid(), days(2), c8, b8.ticketId(), b, "Explained the tariff", "zhao.lei"));
        calledBack(b8, days(2).plusSeconds(3600), CallbackOutcome.UNREACHABLE);

        // C: nobody signs for it; the dispatch desk moves it to B after the sign-for deadline
        TicketAssigned k9 = dispatched(c9, c, hours(9), null, AssignmentReason.ROUTED);
        ticket(new TicketTransferred(newUuid(), hours(34), c9, k9.ticketId(), c, b, 1, "desk.zhao"));
        dispatched(c9, b, hours(34), k9.ticketId(), AssignmentReason.TRANSFERRED, resolveDeadlineOf(k9));

        // across topics in the worst order: callbacks, then clocks, then complaints, then the tickets they are about
        contactEvents.forEach(publishTwiceIfCallbackOf(a2));
        slaEvents.forEach(probe::publish);
        slaEvents.stream().filter(ExtensionApproved.class::isInstance).forEach(probe::publish);
        intakeEvents.forEach(probe::publish);
        probe.publish(intakeEvents.get(2));
        routerEvents.forEach(probe::publish);
        probe.publish(a1);
        probe.publish(returned);
        routerEvents.stream().filter(event -> event instanceof TicketResolved).forEach(probe::publish);
        clock.setInstant(days(12));

        // each registered complaint carries the golden double-refund promise, due on 1 December and never kept: the
        // obligations' clock finds each breached, so A's two and B's five complaints' promises count, none on time
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standingsOf(a, b, c)).containsExactly(
                new BranchStanding(a, 3, Rate.of(1, 2), Rate.of(2, 2), Rate.of(1, 2), Rate.of(1, 2), Rate.of(1, 3),
                        Rate.of(1, 3), Rate.of(0, 2), 1, 0),
                new BranchStanding(b, 5, Rate.of(4, 5), Rate.of(2, 4), Rate.of(1, 1), Rate.of(0, 2), Rate.of(0, 5),
                        Rate.of(1, 5), Rate.of(0, 5), 4, 3),
                new BranchStanding(c, 1, Rate.of(0, 1), Rate.of(0, 0), Rate.of(0, 0), Rate.of(0, 0), Rate.of(0, 1),
                        Rate.of(0, 0), Rate.of(0, 0), 0, 0)));
    }

    @Test
    void judgesOpenTicketsByTheInjectedClock() {
        String branch = "D-" + UUID.randomUUID().toString().substring(0, 8);
        String complaintId = registered(false);
        dispatched(complaintId, branch, t0, null, AssignmentReason.ROUTED);
        slaEvents.forEach(probe::publish);
        intakeEvents.forEach(probe::publish);
        routerEvents.forEach(probe::publish);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standingsOf(branch))
                .singleElement().satisfies(standing -> {
                    assertThat(standing.openTickets()).isEqualTo(1);
                    assertThat(standing.overdueTickets()).isZero();
                    assertThat(standing.onTimeResolutionRate()).isEqualTo(Rate.of(0, 0));
                }));

        clock.setInstant(t0.plus(RESOLVE_LIMIT).minusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standingsOf(branch))
                .singleElement().satisfies(standing -> {
                    assertThat(standing.overdueTickets()).isZero();
                    assertThat(standing.onTimeResolutionRate()).isEqualTo(Rate.of(0, 0));
                    assertThat(standing.onTimeSignForRate()).isEqualTo(Rate.of(0, 1));
                }));

        clock.setInstant(t0.plus(RESOLVE_LIMIT).plusSeconds(1));

        assertThat(standingsOf(branch)).singleElement().satisfies(standing -> {
            assertThat(standing.openTickets()).isEqualTo(1);
            assertThat(standing.overdueTickets()).isEqualTo(1);
            assertThat(standing.onTimeResolutionRate()).isEqualTo(Rate.of(0, 1));
        });
    }

    @Test
    void coversTheLastThirtyDaysByTheClockWhenNoWindowIsGiven() {
        LeagueTableResponse table = web.get().uri("/api/v1/branches/league").exchange()
                .expectStatus().isOk()
                .expectBody(LeagueTableResponse.class).returnResult().getResponseBody();

        assertThat(table.to()).isEqualTo(t0);
        assertThat(table.asOf()).isEqualTo(t0);
        assertThat(table.from()).isEqualTo(t0.minus(Duration.ofDays(30)));
        assertThat(table.sortedBy()).startsWith("onTimeResolutionRate");
    }

    @Test
    void answersBadParametersWithProblemDetailsNamingThem() {
        web.get().uri("/api/v1/branches/league?from=yesterday&to=2026-11-30T00:00:00Z").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("from")
                .jsonPath("$.errors[0].message").isEqualTo(IsoInstant.MESSAGE)
                .jsonPath("$.errors.length()").isEqualTo(1);

        web.get().uri("/api/v1/branches/league?from=2026-11-30T00:00:00Z&to=2026-11-01T00:00:00Z").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("from")
                .jsonPath("$.errors[0].message").isEqualTo("must be before to (2026-11-01T00:00:00Z)");

        web.get().uri("/api/v1/branches/league?from=2026-11-01&to=").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("to", "from"));
    }

    @Test
    void skipsPoisonRecordsAndStillAppliesTheNextEvents() {
        String branch = "E-" + UUID.randomUUID().toString().substring(0, 8);
        String complaintId = newId();
        probe.send(new ProducerRecord<>(Topics.NOTIFICATION_CONTACT, complaintId, "{}"));
        probe.send(new ProducerRecord<>(Topics.ROUTER_TICKET, complaintId, "{}"));
        TicketAssigned assigned = dispatched(complaintId, branch, t0, null, AssignmentReason.ROUTED);
        routerEvents.forEach(probe::publish);
        probe.publish(new TicketAccepted(newUuid(), t0, complaintId, assigned.ticketId(), branch, "li.ming"));
        probe.publish(new TicketResolved(newUuid(), t0, complaintId, assigned.ticketId(), branch, "Done", "li.ming"));
        probe.publish(callback(assigned, t0, CallbackOutcome.SATISFIED));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standingsOf(branch))
                .singleElement().satisfies(standing -> {
                    assertThat(standing.dispatched()).isEqualTo(1);
                    assertThat(standing.satisfactionRate()).isEqualTo(Rate.of(1, 1));
                }));
        // the poison came before the good records on their partitions, so any dead letter of the league's is out
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(probe.records(Topics.deadLetter(topic)))
                .noneMatch(record -> LeagueListener.GROUP.equals(
                        CloudEvents.header(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))));
    }

    @Test
    void declaresAnIndexForEveryQuery() {
        List<String> indexed = mongo.indexOps(TicketFact.class).getIndexInfo().map(IndexInfo::getName)
                .collectList().block(Duration.ofSeconds(10));

        assertThat(indexed).contains("dispatchedAt_branch", "releasedAt_dispatchedAt");
    }

    private List<BranchStanding> standingsOf(String... branches) {
        LeagueTableResponse table = web.get()
                .uri(builder -> builder.path("/api/v1/branches/league")
                        .queryParam("from", t0.minus(Duration.ofHours(1)))
                        .queryParam("to", t0.plus(Duration.ofDays(1)))
                        .build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(LeagueTableResponse.class).returnResult().getResponseBody();
        List<String> wanted = List.of(branches);
        return table.branches().stream().filter(standing -> wanted.contains(standing.branch())).toList();
    }

    /** A registered complaint, from the golden registration with fresh ids. */
    private String registered(boolean repeat) {
        ComplaintRegistered golden = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
        String complaintId = newId();
        intakeEvents.add(new ComplaintRegistered(newUuid(), t0.minusSeconds(60), complaintId, golden.number(),
                golden.channel(), golden.category(), golden.priority(), golden.customer(), golden.district(),
                golden.description(), golden.actor(), golden.address(), golden.priorityReason(), repeat,
                repeat ? golden.repeatOf() : List.of(), golden.promises()));
        return complaintId;
    }

    private TicketAssigned dispatched(String complaintId, String branch, Instant at, String previousTicketId,
                                      AssignmentReason reason) {
        return dispatched(complaintId, branch, at, previousTicketId, reason, at.plus(RESOLVE_LIMIT));
    }

    /** A ticket dispatched at {@code at}, from the golden assignment, with its sign-for and resolve clocks. */
    private TicketAssigned dispatched(String complaintId, String branch, Instant at, String previousTicketId,
                                      AssignmentReason reason, Instant resolveDeadline) {
        TicketAssigned golden = (TicketAssigned) Golden.event(EventType.TICKET_ASSIGNED);
        TicketAssigned assigned = new TicketAssigned(newUuid(), at, complaintId, newId(), branch, golden.category(),
                golden.priority(), previousTicketId, reason, golden.channel(), t0.minusSeconds(60));
        routerEvents.add(assigned);
        sla(new ClockStarted(newUuid(), at, complaintId, assigned.ticketId(), branch, ClockKind.SIGN_FOR,
                at.plus(SIGN_FOR_LIMIT)));
        sla(new ClockStarted(newUuid(), at, complaintId, assigned.ticketId(), branch, ClockKind.RESOLVE,
                resolveDeadline));
        return assigned;
    }

    private Instant resolveDeadlineOf(TicketAssigned assigned) {
        return assigned.occurredAt().plus(RESOLVE_LIMIT);
    }

    private void ticket(ClosedLoopEvent event) {
        routerEvents.add(event);
    }

    private void sla(ClosedLoopEvent event) {
        slaEvents.add(event);
    }

    private void calledBack(TicketAssigned ticket, Instant at, CallbackOutcome outcome) {
        contactEvents.add(callback(ticket, at, outcome));
    }

    private static CallbackCompleted callback(TicketAssigned ticket, Instant at, CallbackOutcome outcome) {
        CallbackCompleted golden = (CallbackCompleted) Golden.event(EventType.CALLBACK_COMPLETED);
        return new CallbackCompleted(newUuid(), at, ticket.complaintId(), newId(), ticket.ticketId(), outcome,
                golden.note(), golden.actor());
    }

    private java.util.function.Consumer<ClosedLoopEvent> publishTwiceIfCallbackOf(TicketAssigned ticket) {
        return event -> {
            probe.publish(event);
            if (event instanceof CallbackCompleted callback && callback.ticketId().equals(ticket.ticketId())) {
                probe.publish(event);
            }
        };
    }

    private Instant hours(long hours) {
        return t0.plus(Duration.ofHours(hours));
    }

    private Instant days(long days) {
        return t0.plus(Duration.ofDays(days));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static UUID newUuid() {
        return UUID.randomUUID();
    }
}
