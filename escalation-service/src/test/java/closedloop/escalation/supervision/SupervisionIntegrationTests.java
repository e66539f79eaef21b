package closedloop.escalation.supervision;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.HandlerAssigned;
import closedloop.contracts.MessageSent;
import closedloop.contracts.OfficeMeetingDecided;
import closedloop.contracts.OfficeMeetingDecisionOverdue;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.Topics;
import closedloop.escalation.EscalationServiceApplication;
import closedloop.escalation.Settle;
import closedloop.escalation.supervision.messaging.LiveAlertsListener;
import closedloop.escalation.supervision.web.AgendaEntry;
import closedloop.escalation.supervision.web.AlertView;
import closedloop.escalation.supervision.web.Evidence;
import closedloop.platform.PeriodicPass;
import closedloop.platform.WaitingMarkers;
import closedloop.platform.events.CloudEvents;
import closedloop.testsupport.KafkaProbe;
import closedloop.testsupport.KafkaProbeExtension;
import closedloop.testsupport.TestIssuer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Supervision against a real broker and a real MongoDB wire server: escalation events become alerts (listed,
 * filtered, acknowledged, streamed live and cleared), a level 2 lands on the office-meeting agenda with the
 * complaint's evidence from every topic, decisions are recorded and told, an overdue decision is told once, and a
 * resolution takes the item off the agenda.
 */
@ExtendWith(KafkaProbeExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + EscalationServiceApplication.NAME,
        "closedloop.supervision.decision-scan-interval=100ms"})
abstract class SupervisionIntegrationTests {

    /** Passes of the decision check after which whatever was overdue by the test clock's time has been told. */
    private static final int SEVERAL_PASSES = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private WebTestClient web;
    @Autowired
    private MutableClock clock;
    @Autowired
    private LiveAlertsListener liveAlerts;
    @Autowired
    private AgendaItems items;
    @Autowired
    @Qualifier(Agenda.DECISION_PASS)
    private PeriodicPass decisionPass;
    @Autowired
    private WaitingMarkers waitingMarkers;
    @Autowired
    private ReactiveMongoTemplate mongo;

    private KafkaProbe probe;

    @Test
    void raisesAlertsForAWarningAndBothEscalationLevelsNewestFirst() {
        Case c = new Case();
        TicketWarned warned = c.warned(c.ticketId, 0);
        TicketEscalated levelOne = c.escalated(c.ticketId, 1, 1);
        TicketEscalated levelTwo = c.escalated(c.ticketId, 2, 2);

        probe.publish(warned);
        probe.publish(levelOne);
        probe.publish(levelTwo);
        probe.publish(warned);

        List<AlertView> listed = awaitAlerts("?branch=" + c.branch, 3);
        assertThat(listed).extracting(AlertView::id).containsExactly(levelTwo.eventId().toString(),
                levelOne.eventId().toString(), warned.eventId().toString());
        assertThat(listed).extracting(AlertView::kind)
                .containsExactly(AlertKind.LEVEL_2, AlertKind.LEVEL_1, AlertKind.WARNING);
        assertThat(listed).extracting(AlertView::level).containsExactly(2, 1, 0);
        assertThat(listed.get(2)).isEqualTo(new AlertView(warned.eventId().toString(), AlertKind.WARNING, 0,
                c.complaintId, c.ticketId, c.branch, ClockKind.SIGN_FOR, warned.deadline(), null, null, null,
                warned.occurredAt(), warned.summary(), AlertStatus.OPEN, null, null, null));
        assertThat(alerts("?branch=" + c.branch + "&level=1")).extracting(AlertView::id)
                .containsExactly(levelOne.eventId().toString());
        assertThat(alerts("?complaintId=" + c.complaintId + "&kind=LEVEL_2")).extracting(AlertView::id)
                .containsExactly(levelTwo.eventId().toString());
    }

    @Test
    void acknowledgesAnAlertOnceAndKeepsItOpenUntilCleared() {
        Case c = new Case();
        TicketWarned warned = c.warned(c.ticketId, 0);
        TicketEscalated levelOne = c.escalated(c.ticketId, 1, 1);
        probe.publish(warned);
        probe.publish(levelOne);
        awaitAlerts("?branch=" + c.branch, 2);

        AlertView first = acknowledge(levelOne.eventId().toString(), "sup.liu");
        AlertView again = acknowledge(levelOne.eventId().toString(), "sup.wang");

        assertThat(first.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(first.acknowledgedBy()).isEqualTo("sup.liu");
        assertThat(first.acknowledgedAt()).isEqualTo(clock.instant());
        assertThat(again).isEqualTo(first);
        assertThat(alerts("?branch=" + c.branch)).extracting(AlertView::id)
                .containsExactly(levelOne.eventId().toString(), warned.eventId().toString());
        assertThat(alerts("?branch=" + c.branch + "&status=ACKNOWLEDGED")).extracting(AlertView::id)
                .containsExactly(levelOne.eventId().toString());
        assertThat(alerts("?branch=" + c.branch + "&status=OPEN")).extracting(AlertView::id)
                .containsExactly(warned.eventId().toString());
        web.post().uri("/api/v1/alerts/{id}/ack", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Alert not found");
    }

    @Test
    void refusesBadAlertFiltersNamingEachOne() {
        web.get().uri("/api/v1/alerts?level=5&status=GONE&kind=NOISE&limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("level", "status", "kind", "limit"));
    }

    @Test
    void clearsTheAlertsOfAResolvedTicketAndStoresALateAlertCleared() {
        Case c = new Case();
        TicketWarned warned = c.warned(c.ticketId, 0);
        probe.publish(warned);
        awaitAlerts("?branch=" + c.branch, 1);

        probe.publish(c.resolved(c.ticketId, 5));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(alerts("?branch=" + c.branch)).isEmpty());
        assertThat(alerts("?branch=" + c.branch + "&status=CLEARED")).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(warned.eventId().toString());
            assertThat(alert.clearedAt()).isEqualTo(clock.instant().plusSeconds(5));
        });

        TicketEscalated late = c.escalated(c.ticketId, 1, 3);
        probe.publish(late);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(alerts("?branch=" + c.branch + "&status=CLEARED")).extracting(AlertView::id)
                        .containsExactly(late.eventId().toString(), warned.eventId().toString()));
        assertThat(alerts("?branch=" + c.branch)).isEmpty();
    }

    @Test
    void raisesADeliveryFailureThatAClosedComplaintDoesNotClear() {
        Case c = new Case();
        MessageFailed golden = (MessageFailed) Golden.event(EventType.MESSAGE_FAILED);
        MessageFailed failed = new MessageFailed(UUID.randomUUID(), clock.instant(), c.complaintId,
                golden.messageId(), golden.recipient(), "SMS", "CLOSURE_NOTICE", 9, golden.lastError());
        probe.publish(new ComplaintClosed(UUID.randomUUID(), clock.instant(), c.complaintId,
                CallbackOutcome.SATISFIED, "agent-017"));

        probe.publish(failed);

        List<AlertView> raised = awaitAlerts("?complaintId=" + c.complaintId, 1);
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(failed.eventId().toString());
            assertThat(alert.kind()).isEqualTo(AlertKind.DELIVERY_FAILED);
            assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(alert.summary()).isEqualTo(failed.summary());
        });
        probe.publish(new ComplaintClosed(UUID.randomUUID(), clock.instant(), c.complaintId,
                CallbackOutcome.SATISFIED, "agent-017"));
        probe.publish(c.warned(c.ticketId, 1));
        awaitAlerts("?complaintId=" + c.complaintId + "&status=CLEARED", 1);
        assertThat(alerts("?complaintId=" + c.complaintId)).extracting(AlertView::id)
                .containsExactly(failed.eventId().toString());
    }

    @Test
    void streamsAnAlertRaisedAfterSubscribing() {
        await().atMost(PATIENCE).until(liveAlerts::isListening);
        Case c = new Case();
        TicketEscalated levelOne = c.escalated(c.ticketId, 1, 0);

        FluxExchangeResult<ServerSentEvent<AlertView>> stream = web.mutate().responseTimeout(PATIENCE).build()
                .get().uri("/api/v1/alerts/stream?branch=" + c.branch)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<AlertView>>() {
                });

        StepVerifier.create(stream.getResponseBody().filter(event -> event.data() != null))
                .then(() -> probe.publish(levelOne))
                .assertNext(event -> {
                    assertThat(event.id()).isEqualTo(levelOne.eventId().toString());
                    assertThat(event.event()).isEqualTo("alert");
                    assertThat(event.data().kind()).isEqualTo(AlertKind.LEVEL_1);
                    assertThat(event.data().complaintId()).isEqualTo(c.complaintId);
                    assertThat(event.data().branch()).isEqualTo(c.branch);
                })
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void putsALevelTwoOnTheAgendaWithTheEvidenceOfEveryTopic() {
        Case c = new Case();
        String secondTicket = newId();
        Instant start = clock.instant().minus(Duration.ofHours(4));
        TicketEscalated levelTwo = new TicketEscalated(UUID.randomUUID(), clock.instant(), c.complaintId,
                secondTicket, "LICHENG-01", 2, null, null, EscalationReason.REOPENED_TWICE);
        TicketWarned warned = new TicketWarned(UUID.randomUUID(), start.plus(Duration.ofHours(2)), c.complaintId,
                secondTicket, "LICHENG-01", ClockKind.RESOLVE, start.plus(Duration.ofHours(3)));
        TicketEscalated levelOne = new TicketEscalated(UUID.randomUUID(), start.plus(Duration.ofHours(3)),
                c.complaintId, secondTicket, "LICHENG-01", 1, ClockKind.RESOLVE, start.plus(Duration.ofHours(3)),
                EscalationReason.LIMIT_PASSED);
        MessageSent told = (MessageSent) Golden.event(EventType.MESSAGE_SENT);

        List<ClosedLoopEvent> story = List.of(levelTwo, warned, levelOne, c.registered(start.minusSeconds(60)),
                assigned(c.complaintId, c.ticketId, c.branch, start),
                new TicketReturned(UUID.randomUUID(), start.plus(Duration.ofHours(1)), c.complaintId, c.ticketId,
                        c.branch, ReturnReason.NOT_OUR_AREA, "Licheng", 1, "li.ming"),
                assigned(c.complaintId, secondTicket, "LICHENG-01", start.plus(Duration.ofHours(1))),
                new HandlerAssigned(UUID.randomUUID(), start.plus(Duration.ofMinutes(90)), c.complaintId,
                        secondTicket, "LICHENG-01", "chen.gang", "wu.lei"),
                new ComplaintReopened(UUID.randomUUID(), start.plus(Duration.ofMinutes(200)), c.complaintId, 2,
                        Priority.MAJOR, "agent-017"),
                new MessageSent(UUID.randomUUID(), start.plus(Duration.ofMinutes(210)), c.complaintId, newId(),
                        told.recipient(), told.channel(), told.purpose()),
                warned);
        story.forEach(probe::publish);
        List<String> storyIds = story.stream().map(event -> event.eventId().toString()).distinct().toList();

        AgendaEntry entry = await().atMost(PATIENCE).until(() -> onTheAgenda(levelTwo.eventId().toString()),
                found -> found.isPresent() && found.get().evidence().timeline().stream().map(TimelineEntry::eventId)
                        .toList().containsAll(storyIds)).orElseThrow();
        assertThat(entry.status()).isEqualTo(AgendaStatus.OPEN);
        assertThat(entry.reason()).isEqualTo(EscalationReason.REOPENED_TWICE);
        assertThat(entry.ticketId()).isEqualTo(secondTicket);
        Evidence evidence = entry.evidence();
        assertThat(evidence.timeline()).extracting(TimelineEntry::topic).contains(Topics.INTAKE_COMPLAINT,
                Topics.ROUTER_TICKET, Topics.ESCALATION_SLA, Topics.NOTIFICATION_CONTACT);
        assertThat(evidence.timeline()).filteredOn(line -> line.eventId().equals(warned.eventId().toString()))
                .hasSize(1);
        assertThat(evidence.timeline()).extracting(TimelineEntry::at).isSorted();
        assertThat(evidence.holders()).containsExactly(
                new Holder(c.ticketId, c.branch, null, start, start.plus(Duration.ofHours(1)), "RETURNED",
                        Duration.ofHours(1)),
                new Holder(secondTicket, "LICHENG-01", "chen.gang", start.plus(Duration.ofHours(1)), null, null,
                        Duration.between(start.plus(Duration.ofHours(1)), clock.instant())));
        // the SLA engine may add breaches of its own for the tickets dispatched here; these are the published ones
        List<Breach> breaches = evidence.breaches().stream().filter(breach -> storyIds.contains(breach.eventId()))
                .toList();
        assertThat(breaches).extracting(Breach::eventId).containsExactly(warned.eventId().toString(),
                levelOne.eventId().toString(), levelTwo.eventId().toString());
        assertThat(breaches).extracting(Breach::level).containsExactly(0, 1, 2);
        assertThat(breaches.get(1).deadline()).isEqualTo(start.plus(Duration.ofHours(3)));
        assertThat(breaches.get(1).clock()).isEqualTo(ClockKind.RESOLVE);
        assertThat(evidence.repeat()).isTrue();
        assertThat(evidence.earlierComplaints()).isEqualTo(1);
        assertThat(evidence.reopenCount()).isEqualTo(2);
        assertThat(evidence.number()).isEqualTo("TS-20261122-000123");
    }

    @Test
    void recordsTheMeetingsDecisionAndTellsIt() {
        Case c = new Case();
        TicketEscalated levelTwo = c.escalated(c.ticketId, 2, 0);
        probe.publish(levelTwo);
        String itemId = awaitOnTheAgenda(levelTwo).id();
        Instant deadline = clock.instant().plus(Duration.ofDays(3));

        AgendaEntry decided = web.post().uri("/api/v1/office-meeting/items/{id}/decision", itemId)
                .headers(TestIssuer.as("sup.liu"))
                .bodyValue(Map.of("owner", "deputy.gm.sun", "deadline", deadline.toString(),
                        "note", "Billing centre to refund and audit the rating rule"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(AgendaEntry.class).returnResult().getResponseBody();

        assertThat(decided.status()).isEqualTo(AgendaStatus.DECIDED);
        assertThat(decided.decision()).isEqualTo(new Decision("deputy.gm.sun", deadline,
                "Billing centre to refund and audit the rating rule", "sup.liu", clock.instant(),
                decided.decision().eventId()));
        OfficeMeetingDecided told = probe.awaitEvent(OfficeMeetingDecided.class, e -> e.itemId().equals(itemId));
        Golden.assertSameShape(told);
        assertThat(told).isEqualTo(new OfficeMeetingDecided(UUID.fromString(decided.decision().eventId()),
                clock.instant(), c.complaintId, c.ticketId, itemId, "deputy.gm.sun", deadline,
                "Billing centre to refund and audit the rating rule", "sup.liu"));
        assertThat(onTheAgenda(itemId)).hasValueSatisfying(entry ->
                assertThat(entry.status()).isEqualTo(AgendaStatus.DECIDED));
    }

    @Test
    void refusesABadDecisionNamingEveryBadFieldAndStoresNothing() {
        Case c = new Case();
        TicketEscalated levelTwo = c.escalated(c.ticketId, 2, 0);
        probe.publish(levelTwo);
        String itemId = awaitOnTheAgenda(levelTwo).id();

        web.post().uri("/api/v1/office-meeting/items/{id}/decision", itemId)
                .bodyValue(Map.of("owner", " ", "deadline", clock.instant().minusSeconds(1).toString(), "note", ""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactly("deadline", "note", "owner"));
        web.post().uri("/api/v1/office-meeting/items/{id}/decision", itemId)
                .bodyValue(Map.of("owner", "deputy.gm.sun", "deadline", "next Friday", "note", "Refund"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactly("deadline"));
        web.post().uri("/api/v1/office-meeting/items/{id}/decision", newId())
                .bodyValue(Map.of("owner", "deputy.gm.sun", "deadline", clock.instant().plusSeconds(3600).toString(),
                        "note", "Refund"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        AgendaEntry untouched = item(itemId);
        assertThat(untouched.status()).isEqualTo(AgendaStatus.OPEN);
        assertThat(untouched.decision()).isNull();
        assertThat(untouched.decisions()).isEmpty();
        // a decision is told from the item's outbox, written with it before the answer: none is there to be told
        assertThat(items.findById(itemId).block().pendingEvents()).isEmpty();
        assertThat(probe.events(OfficeMeetingDecided.class)).noneMatch(e -> e.itemId().equals(itemId));
    }

    @Test
    void raisesOneOverdueAlertWhenADecisionsDeadlinePasses() {
        Case c = new Case();
        TicketEscalated levelTwo = c.escalated(c.ticketId, 2, 0);
        probe.publish(levelTwo);
        String itemId = awaitOnTheAgenda(levelTwo).id();
        Instant deadline = clock.instant().plus(Duration.ofHours(1));
        decide(itemId, deadline).expectStatus().isOk();
        probe.awaitEvent(OfficeMeetingDecided.class, e -> e.itemId().equals(itemId));

        clock.setInstant(deadline.minusSeconds(1));
        Settle.passes(decisionPass, SEVERAL_PASSES);
        assertThat(items.findById(itemId).block().decisionDue()).as("still to be told overdue").isEqualTo(deadline);
        assertThat(overdueEventsOf(itemId)).isEmpty();
        clock.setInstant(deadline.plusSeconds(60));

        OfficeMeetingDecisionOverdue overdue = probe.awaitEvent(OfficeMeetingDecisionOverdue.class,
                e -> e.itemId().equals(itemId));
        Golden.assertSameShape(overdue);
        assertThat(overdue).isEqualTo(new OfficeMeetingDecisionOverdue(
                EventIds.derived(itemId, "decision-overdue/" + deadline), overdue.occurredAt(), c.complaintId,
                c.ticketId, itemId, "deputy.gm.sun", deadline));
        List<AlertView> overdueAlerts = awaitAlerts("?complaintId=" + c.complaintId + "&kind=DECISION_OVERDUE", 1);
        assertThat(overdueAlerts).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(overdue.eventId().toString());
            assertThat(alert.level()).isEqualTo(2);
            assertThat(alert.itemId()).isEqualTo(itemId);
            assertThat(alert.branch()).isEqualTo(c.branch);
            assertThat(alert.deadline()).isEqualTo(deadline);
        });
        clock.add(Duration.ofHours(6));
        Settle.passes(decisionPass, SEVERAL_PASSES);
        assertThat(items.findById(itemId).block().decisionDue()).as("told overdue already").isNull();
        assertThat(overdueEventsOf(itemId)).hasSize(1);
        assertThat(alerts("?complaintId=" + c.complaintId + "&kind=DECISION_OVERDUE")).hasSize(1);
    }

    @Test
    void raisesTheOverdueAlertOfADecisionStoredBeforeTheWaitingMarkerOnceItIsBackfilled() {
        Case c = new Case();
        TicketEscalated levelTwo = c.escalated(c.ticketId, 2, 0);
        probe.publish(levelTwo);
        String itemId = awaitOnTheAgenda(levelTwo).id();
        Instant deadline = clock.instant().plus(Duration.ofHours(1));
        decide(itemId, deadline).expectStatus().isOk();
        assertThat(stored(itemId)).containsKey(AgendaItem.AWAITING_DECISION_DEADLINE);
        mongo.updateFirst(Query.query(where("_id").is(itemId)),
                new Update().unset(AgendaItem.AWAITING_DECISION_DEADLINE), AgendaItem.COLLECTION).block();
        clock.setInstant(deadline.plusSeconds(60));
        Settle.passes(decisionPass, SEVERAL_PASSES);
        assertThat(overdueEventsOf(itemId)).as("not found without its marker").isEmpty();

        assertThat(waitingMarkers.backfill().block()).isGreaterThanOrEqualTo(1L);

        probe.awaitEvent(OfficeMeetingDecisionOverdue.class, e -> e.itemId().equals(itemId));
        assertThat(items.findById(itemId).block().decisionDue()).isNull();
        assertThat(stored(itemId)).doesNotContainKey(AgendaItem.AWAITING_DECISION_DEADLINE);
        Settle.passes(decisionPass, SEVERAL_PASSES);
        assertThat(overdueEventsOf(itemId)).hasSize(1);
    }

    @Test
    void readsAtMostABatchOfDueDecisionsAndOnlyThoseWaitingForTheDecisionPass() {
        Case c = new Case();
        Instant deadline = clock.instant().plus(Duration.ofDays(30));
        List<AgendaItem> decided = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AgendaItem item = AgendaItem.escalated(c.escalated(c.ticketId, 2, i));
            item.decide("deputy.gm.sun", deadline, "Refund", "sup.liu", clock.instant());
            decided.add(items.insert(item).block());
        }
        AgendaItem unmarked = decided.get(2);
        mongo.updateFirst(Query.query(where("_id").is(unmarked.id())),
                new Update().unset(AgendaItem.AWAITING_DECISION_DEADLINE), AgendaItem.COLLECTION).block();

        assertThat(items.decisionsDueBy(deadline, Limit.of(2)).collectList().block()).hasSize(2);
        assertThat(items.decisionsDueBy(deadline, Limit.of(10_000)).map(AgendaItem::id).collectList().block())
                .contains(decided.get(0).id(), decided.get(1).id()).doesNotContain(unmarked.id());
        assertThat(items.decisionsDueBy(deadline.minusSeconds(1), Limit.of(10_000)).map(AgendaItem::id)
                .collectList().block()).doesNotContain(decided.get(0).id(), decided.get(1).id());
    }

    @Test
    void takesAnItemOffTheAgendaWhenTheTicketIsResolved() {
        Case c = new Case();
        TicketEscalated levelTwo = c.escalated(c.ticketId, 2, 0);
        probe.publish(levelTwo);
        String itemId = awaitOnTheAgenda(levelTwo).id();

        probe.publish(c.resolved(c.ticketId, 60));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(onTheAgenda(itemId)).isEmpty());
        AgendaEntry done = item(itemId);
        assertThat(done.status()).isEqualTo(AgendaStatus.DONE);
        assertThat(done.doneAt()).isEqualTo(clock.instant().plusSeconds(60));
        decide(itemId, clock.instant().plus(Duration.ofDays(1)))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo("DONE")
                .jsonPath("$.title").isEqualTo("Not allowed in the current state")
                .jsonPath("$.allowedActions").isEmpty();
        assertThat(alerts("?complaintId=" + c.complaintId + "&status=CLEARED")).extracting(AlertView::id)
                .containsExactly(levelTwo.eventId().toString());
    }

    @Test
    void deadLettersAPoisonRecordAndStillRaisesTheNextAlert() {
        Case c = new Case();
        ProducerRecord<String, String> untyped = new ProducerRecord<>(Topics.ESCALATION_SLA, c.complaintId, "{}");
        TicketWarned warned = c.warned(c.ticketId, 0);

        probe.send(untyped);
        probe.publish(warned);

        awaitAlerts("?branch=" + c.branch, 1);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(probe.records(Topics.deadLetter(Topics.ESCALATION_SLA)))
                        .filteredOn(record -> c.complaintId.equals(record.key()))
                        .extracting(record -> record.value())
                        .contains(untyped.value()));
    }

    /** One complaint of one test: fresh ids, a branch of its own, events at the clock's time plus some seconds. */
    private final class Case {

        final String complaintId = newId();
        final String ticketId = newId();
        final String branch = "BR-" + UUID.randomUUID().toString().substring(0, 8);
        private final Instant now = clock.instant();

        TicketWarned warned(String ticket, int secondsLater) {
            TicketWarned golden = (TicketWarned) Golden.event(EventType.TICKET_WARNED);
            return new TicketWarned(UUID.randomUUID(), now.plusSeconds(secondsLater), complaintId, ticket, branch,
                    golden.clock(), now.plus(Duration.ofMinutes(30)));
        }

        TicketEscalated escalated(String ticket, int level, int secondsLater) {
            TicketEscalated golden = (TicketEscalated) Golden.event(EventType.TICKET_ESCALATED);
            return new TicketEscalated(UUID.randomUUID(), now.plusSeconds(secondsLater), complaintId, ticket, branch,
                    level, golden.clock(), now.minusSeconds(1),
                    level >= 2 ? EscalationReason.LONG_PAST_LIMIT : golden.reason());
        }

        TicketResolved resolved(String ticket, int secondsLater) {
            TicketResolved golden = (TicketResolved) Golden.event(EventType.TICKET_RESOLVED);
            return new TicketResolved(UUID.randomUUID(), now.plusSeconds(secondsLater), complaintId, ticket, branch,
                    golden.resolution(), golden.actor(), golden.rootCause(), golden.responsibleParty());
        }

        ComplaintRegistered registered(Instant at) {
            ComplaintRegistered golden = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
            return new ComplaintRegistered(UUID.randomUUID(), at, complaintId, golden.number(), golden.channel(),
                    golden.category(), golden.priority(), golden.customer(), golden.district(),
                    golden.description(), golden.actor(), golden.address(), golden.priorityReason(), golden.repeat(),
                    golden.repeatOf(), golden.promises());
        }
    }

    private static TicketAssigned assigned(String complaintId, String ticketId, String branch, Instant at) {
        return new TicketAssigned(UUID.randomUUID(), at, complaintId, ticketId, branch, Category.BILLING,
                Priority.NORMAL, null, AssignmentReason.ROUTED);
    }

    private List<AlertView> alerts(String query) {
        return web.get().uri("/api/v1/alerts" + query).exchange()
                .expectStatus().isOk()
                .expectBodyList(AlertView.class).returnResult().getResponseBody();
    }

    private List<AlertView> awaitAlerts(String query, int count) {
        return await().atMost(PATIENCE).until(() -> alerts(query), listed -> listed.size() >= count);
    }

    private AlertView acknowledge(String id, String actor) {
        return web.post().uri("/api/v1/alerts/{id}/ack", id).headers(TestIssuer.as(actor)).exchange()
                .expectStatus().isOk()
                .expectBody(AlertView.class).returnResult().getResponseBody();
    }

    private Optional<AgendaEntry> onTheAgenda(String itemId) {
        return web.get().uri("/api/v1/office-meeting/agenda").exchange()
                .expectStatus().isOk()
                .expectBodyList(AgendaEntry.class).returnResult().getResponseBody()
                .stream().filter(entry -> entry.id().equals(itemId)).findFirst();
    }

    private AgendaEntry awaitOnTheAgenda(TicketEscalated levelTwo) {
        return await().atMost(PATIENCE).until(() -> onTheAgenda(levelTwo.eventId().toString()), Optional::isPresent)
                .orElseThrow();
    }

    private AgendaEntry item(String itemId) {
        return web.get().uri("/api/v1/office-meeting/items/{id}", itemId).exchange()
                .expectStatus().isOk()
                .expectBody(AgendaEntry.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec decide(String itemId, Instant deadline) {
        return web.post().uri("/api/v1/office-meeting/items/{id}/decision", itemId)
                .headers(TestIssuer.as("sup.liu"))
                .bodyValue(Map.of("owner", "deputy.gm.sun", "deadline", deadline.toString(), "note", "Refund"))
                .exchange();
    }

    private List<OfficeMeetingDecisionOverdue> overdueEventsOf(String itemId) {
        return published(OfficeMeetingDecisionOverdue.class).stream().filter(e -> e.itemId().equals(itemId)).toList();
    }

    /** Events on escalation.sla only: the poison test leaves a record there that is no event. */
    private <T extends ClosedLoopEvent> List<T> published(Class<T> type) {
        return probe.records(Topics.ESCALATION_SLA).stream()
                .map(SupervisionIntegrationTests::eventOrNull)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static ClosedLoopEvent eventOrNull(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        try {
            return CloudEvents.fromRecord(record).orElse(null);
        } catch (RuntimeException poison) {
            return null;
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The agenda item's document as stored. */
    private Document stored(String itemId) {
        return mongo.findById(itemId, Document.class, AgendaItem.COLLECTION).blockOptional()
                .orElseThrow(() -> new AssertionError("No " + itemId));
    }
}
