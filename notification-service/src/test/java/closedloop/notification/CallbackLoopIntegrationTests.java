package closedloop.notification;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.contracts.CallbackAttempted;
import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.CallbackSurveySent;
import closedloop.contracts.CallbackSurveyLocked;
import closedloop.notification.callback.SurveyLockouts;
import closedloop.notification.callback.web.SmsReplyProperties;
import closedloop.platform.web.WebhookSignature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.Customer;
import closedloop.contracts.ObligationWaived;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.PromiseKind;
import closedloop.contracts.Promise;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.SurveyAnswers;
import closedloop.contracts.TicketResolved;
import closedloop.notification.callback.Callback;
import closedloop.notification.callback.CallbackProperties;
import closedloop.notification.callback.CallbackFilter;
import closedloop.notification.callback.CallbackStatus;
import closedloop.notification.callback.Callbacks;
import closedloop.notification.callback.ReplyCodes;
import closedloop.notification.contact.Contact;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.QuietHours;
import closedloop.notification.callback.SurveySms;
import closedloop.platform.PeriodicPass;
import closedloop.platform.WaitingMarkers;
import closedloop.testsupport.MovableClockConfiguration;
import closedloop.testsupport.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The callback (回访) loop through HTTP and Kafka with a movable clock: calls at least two hours apart, the SMS survey
 * after the third failed call, the customer's reply, the unanswered survey, and the hotline's worklist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + NotificationServiceApplication.NAME,
                "closedloop.notification.callback.survey-pass-interval=100ms"})
abstract class CallbackLoopIntegrationTests extends NotificationScenario {

    static final ComplaintRegistered REGISTERED = (ComplaintRegistered) Golden.event(EventType.COMPLAINT_REGISTERED);
    static final TicketResolved RESOLVED = (TicketResolved) Golden.event(EventType.TICKET_RESOLVED);
    static final String PHONE = REGISTERED.customer().phone();
    static final ObjectMapper JSON = new ObjectMapper();


    @MockitoSpyBean
    ReplyCodes replyCodes;

    @Autowired
    Callbacks callbacks;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    CallbackProperties rules;

    @Autowired
    QuietHours quietHours;

    @MockitoSpyBean
    SurveySms surveySms;

    @Autowired
    SmsReplyProperties smsReply;

    @Autowired
    SurveyLockouts lockouts;

    @Autowired
    WaitingMarkers waitingMarkers;

    @Autowired
    @Qualifier("callbackSurveyPass")
    PeriodicPass surveyPass;

    @LocalServerPort
    int port;

    @Test
    void threeUnansweredCallbackAttemptsLeadToAnSmsSurveyWhoseReplyClosesTheComplaint() {
        String callbackId = openCallback(registered());
        Instant first = clock.instant();

        attempt(callbackId, "NO_ANSWER", "agent-017")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.assignee").isEqualTo("hotline")
                .jsonPath("$.branch").isEqualTo(RESOLVED.branch())
                .jsonPath("$.attempts.length()").isEqualTo(1)
                .jsonPath("$.attempts[0].result").isEqualTo("NO_ANSWER")
                .jsonPath("$.attempts[0].actor").isEqualTo("agent-017")
                .jsonPath("$.attempts[0].at").isEqualTo(first.toString())
                .jsonPath("$.nextAttemptAt").isEqualTo(first.plus(Duration.ofHours(2)).toString());
        CallbackAttempted attempted = kafka.awaitEvent(CallbackAttempted.class,
                event -> event.callbackId().equals(callbackId) && event.attempt() == 1);
        assertThat(attempted.result()).isEqualTo(CallbackAttemptResult.NO_ANSWER);
        assertThat(attempted.actor()).isEqualTo("agent-017");
        Golden.assertSameShape(attempted);

        clock.add(Duration.ofHours(2).minusSeconds(1));
        attempt(callbackId, "BUSY", "agent-018")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Too soon for the next call")
                .jsonPath("$.detail").isEqualTo("The previous call was too recent; the next call is allowed from "
                        + first.plus(Duration.ofHours(2)))
                .jsonPath("$.nextAttemptAt").isEqualTo(first.plus(Duration.ofHours(2)).toString())
                .jsonPath("$.currentState").isEqualTo("OPEN")
                .jsonPath("$.allowedActions").value(actions -> assertThat((List<Object>) actions)
                        .containsExactly("outcome"));
        clock.add(Duration.ofSeconds(1));
        attempt(callbackId, "BUSY", "agent-018").expectStatus().isOk();
        clock.add(Duration.ofHours(2));
        Instant third = clock.instant();

        byte[] surveyed = attempt(callbackId, "NO_ANSWER", "agent-019")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SURVEY_SENT")
                .jsonPath("$.attempts.length()").isEqualTo(3)
                .jsonPath("$.attempts[2].result").isEqualTo("NO_ANSWER")
                .jsonPath("$.nextAttemptAt").doesNotExist()
                .jsonPath("$.replyBy").isEqualTo(third.plus(Duration.ofHours(48)).toString())
                .jsonPath("$.allowedActions").value(hasItem("reply"))
                .jsonPath("$.replyCode").doesNotExist()
                .returnResult().getResponseBody();
        String replyCode = replyCode(callbackId);
        assertThat(replyCode).matches("[1-9][0-9]{3}");
        assertNoReplyCodeIn(surveyed, replyCode);
        String complaintId = callback(callbackId).complaintId();
        await().untilAsserted(() -> messagesOf(complaintId)
                .jsonPath("$..[?(@.purpose == 'CALLBACK_SURVEY')].recipient").isEqualTo(PHONE)
                .jsonPath("$..[?(@.purpose == 'CALLBACK_SURVEY')].channel").isEqualTo("SMS")
                .jsonPath("$..[?(@.purpose == 'CALLBACK_SURVEY')].text").value(hasItem(containsString("****"))));
        assertThat(storedMessagesOf(complaintId)).filteredOn(message -> message.purpose() == Purpose.CALLBACK_SURVEY)
                .singleElement().satisfies(survey -> assertThat(survey.text()).contains(replyCode));
        assertNoReplyCodeIn(messagesOf(complaintId).returnResult().getResponseBody(), replyCode);
        assertNoReplyCodeIn(web.get().uri("/api/v1/callbacks/{id}", callbackId).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), replyCode);
        assertNoReplyCodeIn(callbacksOf(complaintId).returnResult().getResponseBody(), replyCode);
        messagesOf(complaintId).jsonPath("$..[?(@.purpose == 'CALLBACK_SURVEY')].id")
                .value(ids -> assertThat((List<Object>) ids).hasSize(1));
        CallbackSurveySent surveySent = kafka.awaitEvent(CallbackSurveySent.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(surveySent.replyBy()).isEqualTo(third.plus(Duration.ofHours(48)));
        assertThat(surveySent.eventId()).isEqualTo(EventIds.derived(callbackId, "survey-sent"));
        Golden.assertSameShape(surveySent);
        clock.add(Duration.ofHours(5));

        byte[] replied = reply("+86" + PHONE, replyCode + " 1 5 4 5 5 faster please")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.replyCode").doesNotExist()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.outcome").isEqualTo("SATISFIED")
                .jsonPath("$.completedBy").isEqualTo("sms:" + PHONE)
                .jsonPath("$.survey.responseSpeed").isEqualTo(4)
                .jsonPath("$.survey.improvement").isEqualTo("faster please")
                .returnResult().getResponseBody();
        assertNoReplyCodeIn(replied, replyCode);

        CallbackCompleted completed = kafka.awaitEvent(CallbackCompleted.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(completed.actor()).isEqualTo("sms:" + PHONE);
        assertThat(completed.survey()).isEqualTo(new SurveyAnswers(5, 4, 5, 5, "faster please"));
        assertThat(completed.complaintId()).isEqualTo(complaintId);
        Golden.assertSameShape(completed);
        reply(PHONE, replyCode + " 3").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not allowed in the current state")
                .jsonPath("$.detail").isEqualTo("Cannot answer the survey of a callback that is COMPLETED")
                .jsonPath("$.currentState").isEqualTo("COMPLETED")
                .jsonPath("$.allowedActions.length()").isEqualTo(0);
        assertThat(kafka.events(CallbackCompleted.class)).filteredOn(event -> event.callbackId().equals(callbackId))
                .hasSize(1);
        assertThat(kafka.events(CallbackSurveySent.class)).filteredOn(event -> event.callbackId().equals(callbackId))
                .hasSize(1);
    }

    @Test
    void closesAnUnansweredSurveyAsUnreachableOnceItsReplyTimePassed() {
        String callbackId = surveyedCallback();
        Instant replyBy = callback(callbackId).replyBy();

        clock.setInstant(replyBy.minusSeconds(1));
        callbacksOf(callback(callbackId).complaintId()).jsonPath("$[0].status").isEqualTo("SURVEY_SENT");
        clock.setInstant(replyBy);

        await().untilAsserted(() -> callbacksOf(callback(callbackId).complaintId())
                .jsonPath("$[0].status").isEqualTo("COMPLETED")
                .jsonPath("$[0].outcome").isEqualTo("UNREACHABLE")
                .jsonPath("$[0].completedBy").isEqualTo("system")
                .jsonPath("$[0].completedAt").isEqualTo(replyBy.toString()));
        CallbackCompleted completed = kafka.awaitEvent(CallbackCompleted.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(completed.actor()).isEqualTo("system");
        String replyCode = replyCode(callbackId);
        reply(PHONE, replyCode + " 1").expectStatus().isEqualTo(409);
    }

    @Test
    void refusesAReplyWithAnUnknownCodeAFromAnotherPhoneOrUnreadableTextChangingNothing() {
        String callbackId = surveyedCallback();
        String replyCode = replyCode(callbackId);

        reply(PHONE, "99999 1").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Survey not found")
                .jsonPath("$.detail").isEqualTo("No callback survey awaits a reply with this code from this phone "
                        + "number");
        reply("13911112222", replyCode + " 1").expectStatus().isNotFound();
        reply(PHONE, replyCode + " 7 great").expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Unreadable survey reply")
                .jsonPath("$.detail").value(containsString("1 (satisfied)"));
        reply(PHONE, replyCode + " 1 5 5").expectStatus().isEqualTo(422);
        signedReply(json(Map.of("text", replyCode + " 1")), clock.instant())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");

        callbacksOf(callback(callbackId).complaintId()).jsonPath("$[0].status").isEqualTo("SURVEY_SENT");
        reply(PHONE, "ａ" + replyCode).expectStatus().isEqualTo(422);
        reply(PHONE, toFullWidth(replyCode) + "　２").expectStatus().isOk()
                .expectBody().jsonPath("$.outcome").isEqualTo("BASICALLY_SATISFIED");
    }

    @Test
    void recordsTheOutcomeWithTheSurveyAnswersAfterTheCustomerWasReached() {
        String callbackId = openCallback(registered());
        attempt(callbackId, "REACHED", "agent-017").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.allowedActions.length()").isEqualTo(1)
                .jsonPath("$.allowedActions[0]").isEqualTo("outcome");
        clock.add(Duration.ofHours(3));
        attempt(callbackId, "NO_ANSWER", "agent-017").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions[0]").isEqualTo("outcome");
        outcome(callbackId, "UNREACHABLE", "agent-017").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("A call reached the customer; record what they said instead of "
                        + "UNREACHABLE")
                .jsonPath("$.attempts").isEqualTo(1)
                .jsonPath("$.reached").isEqualTo(true);

        web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId)
                .bodyValue(Map.of("outcome", "UNSATISFIED", "survey", Map.of("easyToReach", 0, "staffSkill", 6,
                        "responseSpeed", 3)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactly("survey.easyToReach", "survey.staffSkill"));
        callbacksOf(callback(callbackId).complaintId()).jsonPath("$[0].status").isEqualTo("OPEN");

        web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId)
                .headers(TestIssuer.as("agent-017"))
                .bodyValue(Map.of("outcome", "UNSATISFIED", "note", "still leaking", "survey", Map.of(
                        "easyToReach", 4, "responseSpeed", 2, "staffSkill", 3, "staffAttitude", 4,
                        "improvement", "fix it properly")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.survey.staffSkill").isEqualTo(3);
        CallbackCompleted completed = kafka.awaitEvent(CallbackCompleted.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.UNSATISFIED);
        assertThat(completed.survey()).isEqualTo(new SurveyAnswers(4, 2, 3, 4, "fix it properly"));
        Golden.assertSameShape(completed);
    }

    @Test
    void sendsTheSurveyOnceByTheSurveyPassWhenHandingItOverFailedAtFirst() {
        doReturn(Mono.error(new IllegalStateException("messenger unavailable"))).doCallRealMethod()
                .when(surveySms).send(any());

        String callbackId = surveyedCallback();

        String complaintId = callback(callbackId).complaintId();
        String replyCode = replyCode(callbackId);
        await().untilAsserted(() -> assertThat(storedMessagesOf(complaintId))
                .filteredOn(message -> message.purpose() == Purpose.CALLBACK_SURVEY)
                .singleElement().satisfies(survey -> assertThat(survey.text()).contains(replyCode)));
        messagesOf(complaintId).jsonPath("$..[?(@.purpose == 'CALLBACK_SURVEY')].id")
                .value(ids -> assertThat((List<Object>) ids).hasSize(1));
        verify(surveySms, atLeast(2)).send(any());
    }

    @Test
    void drawsAnotherReplyCodeWhenTheDrawnOneAwaitsAReplyAlready() {
        String first = surveyedCallback();
        String taken = replyCode(first);
        String second = openCallback(registered());
        attempt(second, "NO_ANSWER", "agent-017").expectStatus().isOk();
        clock.add(Duration.ofHours(2));
        attempt(second, "NO_ANSWER", "agent-017").expectStatus().isOk();
        clock.add(Duration.ofHours(2));
        doReturn(taken).doReturn("987654").when(replyCodes).next();

        attempt(second, "NO_ANSWER", "agent-017").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SURVEY_SENT");

        assertThat(replyCode(second)).isEqualTo("987654");
        assertThat(replyCode(first)).isEqualTo(taken);
        reply(PHONE, taken + " 2").expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(first);
        reply(PHONE, "987654 1").expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(second);
    }

    @Test
    void letsCustomersWithDifferentPhonesHoldTheSameReplyCodeAndMatchesEachReplyToItsPhone() {
        String phone = freshPhone();
        String otherPhone = freshPhone();
        doReturn("246810").when(replyCodes).next();

        String first = surveyedCallback(registered(phone));
        String second = surveyedCallback(registered(otherPhone));

        assertThat(callback(first).status()).isEqualTo("SURVEY_SENT");
        assertThat(replyCode(first)).isEqualTo("246810");
        assertThat(callback(second).status()).isEqualTo("SURVEY_SENT");
        assertThat(replyCode(second)).isEqualTo("246810");
        reply(otherPhone, "246810 3").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(second)
                .jsonPath("$.outcome").isEqualTo("UNSATISFIED")
                .jsonPath("$.completedBy").isEqualTo("sms:" + otherPhone);
        assertThat(callback(first).status()).isEqualTo("SURVEY_SENT");
        reply(PHONE, "246810 1").expectStatus().isNotFound();
        reply("+86 " + phone, "246810 1").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(first)
                .jsonPath("$.outcome").isEqualTo("SATISFIED");
        reply(otherPhone, "246810 1").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo("COMPLETED");
        assertThat(callback(second).status()).isEqualTo("COMPLETED");
    }

    @Test
    void takesUnreachableFromAnAgentOnlyOnceEveryCallFailedAndTheSurveyIsOut() {
        String callbackId = openCallback(registered());

        outcome(callbackId, "UNREACHABLE", "agent-017").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not allowed in the current state")
                .jsonPath("$.currentState").isEqualTo("OPEN")
                .jsonPath("$.allowedActions").value(actions -> assertThat((List<Object>) actions)
                        .containsExactly("attempt", "outcome"))
                .jsonPath("$.attempts").isEqualTo(0)
                .jsonPath("$.reached").isEqualTo(false)
                .jsonPath("$.detail").isEqualTo("UNREACHABLE is recorded only after every call failed and the SMS "
                        + "survey is out; 0 call(s) recorded so far");
        for (String result : List.of("NO_ANSWER", "WRONG_NUMBER")) {
            attempt(callbackId, result, "agent-017").expectStatus().isOk();
            clock.add(Duration.ofHours(2));
        }
        outcome(callbackId, "UNREACHABLE", "agent-017").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentState").isEqualTo("OPEN")
                .jsonPath("$.attempts").isEqualTo(2);
        assertThat(callback(callbackId).status()).isEqualTo("OPEN");
        attempt(callbackId, "BUSY", "agent-017").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SURVEY_SENT");
        clock.add(Duration.ofHours(1));

        outcome(callbackId, "UNREACHABLE", "agent-018").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.outcome").isEqualTo("UNREACHABLE")
                .jsonPath("$.completedBy").isEqualTo("agent-018");
        CallbackCompleted completed = kafka.awaitEvent(CallbackCompleted.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(completed.actor()).isEqualTo("agent-018");
        reply(PHONE, replyCode(callbackId) + " 1").expectStatus().isEqualTo(409);
    }

    @Test
    void notesTheSurveyQueuedWithoutPuttingBackTheEventsTheRelayPublished() {
        TicketResolved resolved = new TicketResolved(UUID.randomUUID(), RESOLVED.occurredAt(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), RESOLVED.branch(), RESOLVED.resolution(),
                RESOLVED.actor());
        Instant now = clock.instant();
        Callback callback = Callback.open(resolved, new Contact(resolved.complaintId(), REGISTERED.number(),
                REGISTERED.customer().name(), freshPhone()), now, Duration.ofHours(24), "hotline");
        for (int call = 0; call < 3; call++) {
            callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", now.plus(Duration.ofHours(2L * call)),
                    rules, "1" + call + "00", quietHours);
        }
        callbacks.insert(callback).block();
        // the relay published the outbox (the callback in hand still holds it) and removed it, as the relay does:
        // without moving the version
        mongo.updateFirst(new Query(where("_id").is(callback.id())),
                new Update().set("outbox", List.of()).unset("outboxSince"), "callbacks").block();
        Instant queuedAt = now.plus(Duration.ofHours(4));

        assertThat(callback.surveyQueued(queuedAt)).isTrue();
        callbacks.saveSurveyQueued(callback).block();

        Document stored = mongo.findById(callback.id(), Document.class, "callbacks").block();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.get("survey", Document.class).get("queuedAt")).isEqualTo(Date.from(queuedAt));
        assertThat(stored).doesNotContainKey(Callback.AWAITING_SURVEY_SMS)
                .containsEntry(Callback.AWAITING_SURVEY_REPLY, Date.from(now.plus(Duration.ofHours(4))));
        assertThat(callbacks.findById(callback.id()).block().survey().queuedAt()).isEqualTo(queuedAt);
        assertThat(callback.pendingEvents()).hasSize(5);
        StepVerifier.create(callbacks.saveSurveyQueued(callback))
                .expectError(OptimisticLockingFailureException.class)
                .verify();
    }

    @Test
    void handsOverAndClosesASurveyStoredBeforeTheWaitingMarkersOnceTheyAreBackfilled() {
        Callback callback = surveyedInStoreWithoutMarkers();
        long passes = surveyPass.completedPasses();
        await().until(() -> surveyPass.completedPasses() >= passes + 2);
        assertThat(storedCallback(callback.id()).get("survey", Document.class).get("queuedAt")).isNull();

        assertThat(waitingMarkers.backfill().block()).isGreaterThanOrEqualTo(2L);

        // the survey pass may hand the survey over (and unset its SMS marker) as soon as the backfill set it
        assertThat(storedCallback(callback.id())).containsKey(Callback.AWAITING_SURVEY_REPLY)
                .doesNotContainKey(Callback.AWAITING_HOTLINE);
        await().untilAsserted(() -> assertThat(storedCallback(callback.id()))
                .doesNotContainKey(Callback.AWAITING_SURVEY_SMS));
        assertThat(storedCallback(callback.id()).get("survey", Document.class).get("queuedAt")).isNotNull();
        clock.setInstant(callback.survey().replyBy());
        await().untilAsserted(() -> assertThat(callback(callback.id()).status()).isEqualTo("COMPLETED"));
        assertThat(storedCallback(callback.id())).doesNotContainKeys(Callback.AWAITING_HOTLINE,
                Callback.AWAITING_SURVEY_SMS, Callback.AWAITING_SURVEY_REPLY);
    }

    @Test
    void listsAnOpenCallbackStoredBeforeTheWaitingMarkersOnceTheyAreBackfilled() {
        String callbackId = openCallback(registered());
        String complaintId = callback(callbackId).complaintId();
        assertThat(storedCallback(callbackId)).containsKey(Callback.AWAITING_HOTLINE);
        unsetMarkers(callbackId);
        assertThat(callbacks.find(CallbackFilter.due(complaintId), clock.instant(), 0, 10).collectList().block())
                .isEmpty();

        waitingMarkers.backfill().block();

        assertThat(callbacks.find(CallbackFilter.due(complaintId), clock.instant(), 0, 10).map(Callback::id)
                .collectList().block()).containsExactly(callbackId);
        assertThat(callbacks.find(new CallbackFilter(CallbackStatus.OPEN, false, complaintId), clock.instant(), 0, 10)
                .map(Callback::id).collectList().block()).containsExactly(callbackId);
    }

    @Test
    void listsTheDueCallbacksSoonestDueFirstInPagesAndShowsTheOverdueOnes() {
        ComplaintRegistered registered = registered();
        String first = openCallback(registered);
        clock.add(Duration.ofMinutes(1));
        String second = openCallback(registered);
        clock.add(Duration.ofMinutes(1));
        String third = openCallback(registered);
        String complaintId = registered.complaintId();
        attempt(first, "BUSY", "agent-017").expectStatus().isOk();

        worklist("DUE", complaintId, 0, 20)
                .expectHeader().valueEquals("X-Total-Count", "2")
                .expectBody()
                .jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(second, third));
        worklist("DUE", complaintId, 0, 1)
                .expectHeader().valueEquals("X-Total-Count", "2")
                .expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(second));
        worklist("DUE", complaintId, 1, 1)
                .expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(third));
        worklist("OPEN", complaintId, 0, 20)
                .expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids)
                        .containsExactly(first, second, third));

        clock.setInstant(MovableClockConfiguration.START.plus(Duration.ofHours(24)).plusSeconds(30));
        worklist("DUE", complaintId, 0, 20)
                .expectBody()
                .jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(first, second, third))
                .jsonPath("$[*].overdue").value(overdue -> assertThat((List<Object>) overdue)
                        .containsExactly(true, false, false));
        worklist("SURVEY_SENT", complaintId, 0, 20).expectHeader().valueEquals("X-Total-Count", "0");
    }

    @Test
    void showsOneCallbackByItsIdAndAnswers404ForAnUnknownOne() {
        ComplaintRegistered registered = registered();
        String callbackId = openCallback(registered);

        assertThat(callback(callbackId)).isEqualTo(new CallbackSnapshot(callbackId, registered.complaintId(), "OPEN",
                null));
        web.get().uri("/api/v1/callbacks/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rejectsBadPagingNamingTheParameter() {
        for (String query : List.of("size=0", "size=101", "page=-1", "page=first")) {
            String field = query.substring(0, query.indexOf('='));
            web.get().uri("/api/v1/callbacks?status=DUE&" + query)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    @Test
    void takesOnlyRepliesTheGatewaySignedOverTheBodyAsSentWithinFiveMinutesOfNow() {
        String phone = freshPhone();
        String callbackId = surveyedCallback(registered(phone));
        String replyCode = replyCode(callbackId);
        byte[] body = json(Map.of("from", phone, "text", replyCode + " 1"));
        String now = WebhookSignature.timestamp(clock.instant());
        String signature = WebhookSignature.sign(smsReply.secret(), now, body);

        refused(postReply(body, null, null), "Unsigned SMS reply");
        refused(postReply(body, now, null), "Unsigned SMS reply");
        refused(postReply(body, null, signature), "Unsigned SMS reply");
        refused(postReply(body, "yesterday", signature), "Unsigned SMS reply");
        refused(postReply(body, now, WebhookSignature.sign("not-the-gateway-secret", now, body)), "Bad signature");
        refused(postReply(body, now, signature.substring(1)), "Bad signature");
        refused(postReply(json(Map.of("from", phone, "text", replyCode + " 3")), now, signature), "Bad signature");
        Instant tooOld = clock.instant().minus(Duration.ofMinutes(5)).minusSeconds(1);
        refused(signedReply(body, tooOld), "Stale timestamp");
        Instant tooNew = clock.instant().plus(Duration.ofMinutes(5)).plusSeconds(1);
        refused(signedReply(body, tooNew), "Stale timestamp");
        web.post().uri("/api/v1/sms/replies").bodyValue(Map.of("from", phone, "text", replyCode + " 1")).exchange()
                .expectStatus().isUnauthorized();
        signedReply(json(Map.of("from", phone, "text", replyCode + " 1 " + "x".repeat(17 * 1024))), clock.instant())
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(callback(callbackId).status()).isEqualTo("SURVEY_SENT");

        // the signature is over the bytes as sent: the same JSON laid out otherwise, signed so, is taken
        byte[] laidOut = ("{ \"text\" : \"" + replyCode + " 1\",\n  \"from\" : \"" + phone + "\" }")
                .getBytes(StandardCharsets.UTF_8);
        signedReply(laidOut, clock.instant().minus(Duration.ofMinutes(5))).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
    }

    @Test
    void locksAPhonesSurveyForAnHourAfterFiveWrongCodesEvenAgainstTheRightCode() {
        String phone = freshPhone();
        String callbackId = surveyedCallback(registered(phone));
        CallbackSnapshot surveyed = callback(callbackId);
        String wrong = otherCode(replyCode(callbackId));
        for (int reply = 0; reply < 5; reply++) {
            clock.add(Duration.ofMinutes(1));
            reply(phone, wrong + " 1").expectStatus().isNotFound();
        }
        Instant lockedAt = clock.instant();
        Instant lockedUntil = lockedAt.plus(Duration.ofHours(1));
        clock.add(Duration.ofMinutes(1));

        reply(phone, replyCode(callbackId) + " 1").expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, String.valueOf(Duration.ofMinutes(59).toSeconds()))
                .expectBody()
                .jsonPath("$.title").isEqualTo("Survey replies locked")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.lockedUntil").isEqualTo(lockedUntil.toString());
        reply("+86 " + phone, "not a reply at all").expectStatus().isEqualTo(429);
        assertThat(callback(callbackId).status()).isEqualTo("SURVEY_SENT");
        CallbackSurveyLocked locked = kafka.awaitEvent(CallbackSurveyLocked.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(locked).isEqualTo(new CallbackSurveyLocked(EventIds.derived(callbackId, "survey-locked/" + lockedAt),
                lockedAt, surveyed.complaintId(), callbackId, 5, lockedUntil, "sms:" + phone));
        Golden.assertSameShape(locked);
        assertThat(lockouts.findByPhone(phone).block()).satisfies(lockout -> {
            assertThat(lockout.lockedAt()).isEqualTo(lockedAt);
            assertThat(lockout.expiresAt()).isEqualTo(lockedUntil);
        });

        clock.setInstant(lockedUntil.minusSeconds(1));
        reply(phone, replyCode(callbackId) + " 1").expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
        clock.setInstant(lockedUntil);
        reply(phone, replyCode(callbackId) + " 1").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.completedBy").isEqualTo("sms:" + phone);
        assertThat(kafka.events(CallbackSurveyLocked.class)).filteredOn(event -> event.callbackId().equals(callbackId))
                .hasSize(1);
    }

    @Test
    void countsOnlyTheWrongCodesOfTheLastHour() {
        String phone = freshPhone();
        String callbackId = surveyedCallback(registered(phone));
        String replyCode = replyCode(callbackId);
        Instant first = clock.instant();
        for (int reply = 0; reply < 4; reply++) {
            reply(phone, otherCode(replyCode) + " 2").expectStatus().isNotFound();
            clock.add(Duration.ofMinutes(1));
        }

        clock.setInstant(first.plus(Duration.ofHours(1)));
        reply(phone, otherCode(replyCode) + " 2").expectStatus().isNotFound();

        reply(phone, replyCode + " 2").expectStatus().isOk()
                .expectBody().jsonPath("$.outcome").isEqualTo("BASICALLY_SATISFIED");
    }

    @Test
    void locksOnceWhenWrongCodesFromOnePhoneArriveAtTheSameMoment() {
        String phone = freshPhone();
        String callbackId = surveyedCallback(registered(phone));
        String replyCode = replyCode(callbackId);
        WebClient client = WebClient.create("http://localhost:" + port);
        byte[] wrong = json(Map.of("from", phone, "text", otherCode(replyCode) + " 1"));
        String timestamp = WebhookSignature.timestamp(clock.instant());
        String signature = WebhookSignature.sign(smsReply.secret(), timestamp, wrong);

        // five at once: each lost race is someone else's write, so every reply is counted within its retries
        List<Integer> statuses = Flux.range(0, 5)
                .flatMap(reply -> client.post().uri("/api/v1/sms/replies")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(WebhookSignature.TIMESTAMP, timestamp)
                        .header(WebhookSignature.SIGNATURE, signature)
                        .bodyValue(wrong)
                        .exchangeToMono(response -> Mono.just(response.statusCode().value())), 5)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).containsOnly(404).hasSize(5);
        reply(phone, replyCode + " 1").expectStatus().isEqualTo(429);
        kafka.awaitEvent(CallbackSurveyLocked.class, event -> event.callbackId().equals(callbackId));
        assertThat(lockouts.findByPhone(phone).block()).satisfies(lockout -> {
            assertThat(lockout.lockedAt()).isEqualTo(clock.instant());
            assertThat(lockout.wrongCodesAt()).isEmpty();
            assertThat(lockout.pendingEvents()).isEmpty();
        });
        assertThat(kafka.events(CallbackSurveyLocked.class)).filteredOn(event -> event.callbackId().equals(callbackId))
                .hasSize(1);
    }

    @Test
    void declaresTheIndexesThatExpireTheLockoutsAndTheAcknowledgementWindows() {
        for (String collection : List.of("survey-lockouts", "acknowledgement-windows")) {
            assertThat(mongo.indexOps(collection).getIndexInfo().collectList().block())
                    .as(collection)
                    .anySatisfy(index -> {
                        assertThat(index.getName()).isEqualTo("expiry");
                        assertThat(index.getExpireAfter()).contains(Duration.ZERO);
                    });
        }
    }

    @Test
    void recordsTheCustomerSatisfiedOnlyOnceEveryPromiseIsKeptOrWaived() {
        Customer golden = REGISTERED.customer();
        ComplaintRegistered promising = new ComplaintRegistered(UUID.randomUUID(), REGISTERED.occurredAt(),
                UUID.randomUUID().toString(), REGISTERED.number(), REGISTERED.channel(), REGISTERED.category(),
                REGISTERED.priority(), golden, REGISTERED.district(), REGISTERED.description(), REGISTERED.actor(),
                null, null, false, List.of(), List.of(
                        new Promise("Refund twice the overcharge", null, PromiseKind.DOUBLE_REFUND,
                                new java.math.BigDecimal("30.5")),
                        new Promise("A technician visits", null, PromiseKind.VISIT, null)));
        kafka.publish(promising);
        await().untilAsserted(() -> messagesOf(promising.complaintId())
                .jsonPath("$[*].purpose").value(hasItem("REGISTRATION_ACK")));
        String callbackId = openCallback(promising);
        String refund = promising.complaintId() + "-1";
        String visit = promising.complaintId() + "-2";

        outcome(callbackId, "SATISFIED", "agent-017").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.openObligations").isEqualTo(List.of(refund, visit));
        kafka.publish(new ObligationFulfilled(UUID.randomUUID(), clock.instant(), promising.complaintId(), refund,
                PromiseKind.DOUBLE_REFUND, "LIXIA-01", "RF-1", null, "li.ming"));
        kafka.publish(new ObligationWaived(UUID.randomUUID(), clock.instant(), promising.complaintId(), visit,
                PromiseKind.VISIT, "The customer declined the visit", "sup.wang"));
        await().untilAsserted(() -> outcome(callbackId, "BASICALLY_SATISFIED", "agent-017").expectStatus().isOk());

        CallbackCompleted completed = kafka.awaitEvent(CallbackCompleted.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.BASICALLY_SATISFIED);
    }

    @Test
    void sendsTheCallbackBackToTheHotlineWhenTheCustomerRepliesSatisfiedBySmsWhileAPromiseIsOpen() {
        ComplaintRegistered promising = promising(new Promise("Refund twice the overcharge", null,
                PromiseKind.DOUBLE_REFUND, new java.math.BigDecimal("30.5")));
        String refund = promising.complaintId() + "-1";
        String callbackId = surveyedCallback(promising);
        String replyCode = replyCode(callbackId);
        clock.add(Duration.ofHours(5));
        Instant replied = clock.instant();

        // the gateway is told the SMS was taken; the callback is not completed but back with the hotline
        byte[] held = reply("+86" + PHONE, replyCode + " 1 5 4 5 5 thanks")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.allowedActions").value(actions -> assertThat((List<Object>) actions)
                        .containsExactly("outcome"))
                .jsonPath("$.outcome").doesNotExist()
                .jsonPath("$.completedAt").doesNotExist()
                .jsonPath("$.nextAttemptAt").doesNotExist()
                .jsonPath("$.heldReply.outcome").isEqualTo("SATISFIED")
                .jsonPath("$.heldReply.survey.responseSpeed").isEqualTo(4)
                .jsonPath("$.heldReply.survey.improvement").isEqualTo("thanks")
                .jsonPath("$.heldReply.receivedAt").isEqualTo(replied.toString())
                .jsonPath("$.heldReply.openObligations").isEqualTo(List.of(refund))
                .jsonPath("$.heldReply.reason").value(containsString("Promises still open: " + refund))
                .returnResult().getResponseBody();
        assertNoReplyCodeIn(held, replyCode);
        worklist("DUE", promising.complaintId(), 0, 20).expectBody()
                .jsonPath("$[*].id").value(hasItem(callbackId))
                .jsonPath("$[0].heldReply.openObligations").isEqualTo(List.of(refund));
        Document stored = storedCallback(callbackId);
        assertThat(stored.get("heldReply", Document.class).getString("from")).isEqualTo("sms:" + PHONE);
        assertThat(stored).containsKey(Callback.AWAITING_HOTLINE).doesNotContainKey(Callback.AWAITING_SURVEY_REPLY);

        // the gateway delivers the same SMS again: answered alike, nothing changes
        reply("+86" + PHONE, replyCode + " 1 5 4 5 5 thanks")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.heldReply.receivedAt").isEqualTo(replied.toString());
        assertThat(storedCallback(callbackId).get("version")).isEqualTo(stored.get("version"));

        // the survey pass leaves it alone after the reply time: the customer answered, they are not unreachable
        clock.add(rules.surveyReplyWithin());
        long passes = surveyPass.completedPasses();
        await().until(() -> surveyPass.completedPasses() >= passes + 2);
        assertThat(callback(callbackId).status()).isEqualTo("OPEN");

        // the agent cannot record them satisfied until the promise is kept, then can
        outcome(callbackId, "SATISFIED", "agent-020").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.openObligations").isEqualTo(List.of(refund));
        assertThat(kafka.events(CallbackCompleted.class)).noneMatch(event -> event.callbackId().equals(callbackId));
        kafka.publish(new ObligationFulfilled(UUID.randomUUID(), clock.instant(), promising.complaintId(), refund,
                PromiseKind.DOUBLE_REFUND, "LIXIA-01", "RF-1", null, "li.ming"));
        await().untilAsserted(() -> outcome(callbackId, "SATISFIED", "agent-020").expectStatus().isOk());

        CallbackCompleted completed = kafka.awaitEvent(CallbackCompleted.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(completed.actor()).isEqualTo("agent-020");
        web.get().uri("/api/v1/callbacks/{id}", callbackId).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.heldReply.outcome").isEqualTo("SATISFIED");
        reply("+86" + PHONE, replyCode + " 1 5 4 5 5 thanks").expectStatus().isEqualTo(409);
        assertThat(kafka.events(CallbackCompleted.class)).filteredOn(event -> event.callbackId().equals(callbackId))
                .hasSize(1);
    }

    @Test
    void completesAnUnsatisfiedSmsReplyAsBeforeWhileAPromiseIsOpen() {
        ComplaintRegistered promising = promising(new Promise("Refund twice the overcharge", null,
                PromiseKind.DOUBLE_REFUND, new java.math.BigDecimal("30.5")));
        String callbackId = surveyedCallback(promising);

        reply(PHONE, replyCode(callbackId) + " 3 nothing refunded yet")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.outcome").isEqualTo("UNSATISFIED")
                .jsonPath("$.completedBy").isEqualTo("sms:" + PHONE)
                .jsonPath("$.heldReply").doesNotExist();

        CallbackCompleted completed = kafka.awaitEvent(CallbackCompleted.class,
                event -> event.callbackId().equals(callbackId));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.UNSATISFIED);
        assertThat(completed.survey().improvement()).isEqualTo("nothing refunded yet");
    }

    // --- fixtures

    /** A fresh complaint of the golden customer with these promises, published and stored. */
    ComplaintRegistered promising(Promise... promises) {
        ComplaintRegistered promising = new ComplaintRegistered(UUID.randomUUID(), REGISTERED.occurredAt(),
                UUID.randomUUID().toString(), REGISTERED.number(), REGISTERED.channel(), REGISTERED.category(),
                REGISTERED.priority(), REGISTERED.customer(), REGISTERED.district(), REGISTERED.description(),
                REGISTERED.actor(), null, null, false, List.of(), List.of(promises));
        kafka.publish(promising);
        await().untilAsserted(() -> messagesOf(promising.complaintId())
                .jsonPath("$[*].purpose").value(hasItem("REGISTRATION_ACK")));
        return promising;
    }

    /** The golden registration of a fresh complaint, published and stored as the customer's contact. */
    ComplaintRegistered registered() {
        return registered(PHONE);
    }

    /** The golden registration of a fresh complaint by a customer with this phone, published and stored. */
    ComplaintRegistered registered(String phone) {
        Customer golden = REGISTERED.customer();
        ComplaintRegistered registered = new ComplaintRegistered(UUID.randomUUID(), REGISTERED.occurredAt(),
                UUID.randomUUID().toString(), REGISTERED.number(), REGISTERED.channel(), REGISTERED.category(),
                REGISTERED.priority(), new Customer(golden.name(), phone, golden.accountNo(), golden.vip()),
                REGISTERED.district(), REGISTERED.description(), REGISTERED.actor());
        kafka.publish(registered);
        // the customer's contact is known once the acknowledgement is recorded: a resolution finds it at once
        await().untilAsserted(() -> messagesOf(registered.complaintId())
                .jsonPath("$[*].purpose").value(hasItem("REGISTRATION_ACK")));
        return registered;
    }

    /** Resolves a fresh ticket of the complaint and returns the id of the callback that opened. */
    String openCallback(ComplaintRegistered registered) {
        TicketResolved resolved = new TicketResolved(UUID.randomUUID(), RESOLVED.occurredAt(),
                registered.complaintId(), UUID.randomUUID().toString(), RESOLVED.branch(), RESOLVED.resolution(),
                RESOLVED.actor());
        kafka.publish(resolved);
        String callbackId = EventIds.derived(resolved.eventId(), "callback").toString();
        await().untilAsserted(() -> callbacksOf(registered.complaintId())
                .jsonPath("$[*].id").value(hasItem(callbackId)));
        return callbackId;
    }

    /** A callback of a fresh complaint whose three calls failed, two hours apart, so its survey is out. */
    String surveyedCallback() {
        return surveyedCallback(registered());
    }

    /** A callback of the complaint whose three calls failed, two hours apart, so its survey is out. */
    String surveyedCallback(ComplaintRegistered registered) {
        String callbackId = openCallback(registered);
        for (String result : List.of("NO_ANSWER", "BUSY", "WRONG_NUMBER")) {
            attempt(callbackId, result, "agent-017").expectStatus().isOk();
            clock.add(Duration.ofHours(2));
        }
        assertThat(replyCode(callbackId)).isNotNull();
        return callbackId;
    }

    WebTestClient.ResponseSpec attempt(String callbackId, String result, String actor) {
        return web.post().uri("/api/v1/callbacks/{id}/attempts", callbackId)
                .headers(TestIssuer.as(actor))
                .bodyValue(Map.of("result", result, "note", "call " + result))
                .exchange();
    }

    WebTestClient.ResponseSpec outcome(String callbackId, String outcome, String actor) {
        return web.post().uri("/api/v1/callbacks/{id}/outcome", callbackId)
                .headers(TestIssuer.as(actor))
                .bodyValue(Map.of("outcome", outcome))
                .exchange();
    }

    /** The customer's SMS, forwarded by the gateway as it does: signed at the service's present time. */
    WebTestClient.ResponseSpec reply(String from, String text) {
        return signedReply(json(Map.of("from", from, "text", text)), clock.instant());
    }

    /** A forwarded SMS with this body, signed with the service's secret at the given time. */
    WebTestClient.ResponseSpec signedReply(byte[] body, Instant signedAt) {
        String timestamp = WebhookSignature.timestamp(signedAt);
        return postReply(body, timestamp, WebhookSignature.sign(smsReply.secret(), timestamp, body));
    }

    /** A forwarded SMS with this body and these signature headers, each left out when null. */
    WebTestClient.ResponseSpec postReply(byte[] body, String timestamp, String signature) {
        return web.post().uri("/api/v1/sms/replies")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (timestamp != null) {
                        headers.set(WebhookSignature.TIMESTAMP, timestamp);
                    }
                    if (signature != null) {
                        headers.set(WebhookSignature.SIGNATURE, signature);
                    }
                })
                .bodyValue(body)
                .exchange();
    }

    static byte[] json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code of the same length as the one given that is not it. */
    static String otherCode(String replyCode) {
        return replyCode.startsWith("9") ? "1" + replyCode.substring(1) : "9" + replyCode.substring(1);
    }

    /** Answered 401 problem+json with this title, naming how to sign. */
    static void refused(WebTestClient.ResponseSpec response, String title) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, containsString(WebhookSignature.SIGNATURE))
                .expectBody()
                .jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/v1/sms/replies");
    }

    WebTestClient.ResponseSpec worklist(String status, String complaintId, int page, int size) {
        return web.get().uri("/api/v1/callbacks?status={s}&complaintId={c}&page={p}&size={n}", status, complaintId,
                        page, size)
                .exchange()
                .expectStatus().isOk();
    }

    /**
     * A callback of a fresh complaint and phone with its survey out and not yet handed over, stored as before the
     * waiting markers existed.
     */
    Callback surveyedInStoreWithoutMarkers() {
        TicketResolved resolved = new TicketResolved(UUID.randomUUID(), RESOLVED.occurredAt(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), RESOLVED.branch(), RESOLVED.resolution(),
                RESOLVED.actor());
        Instant now = clock.instant();
        Callback callback = Callback.open(resolved, new Contact(resolved.complaintId(), REGISTERED.number(),
                REGISTERED.customer().name(), freshPhone()), now, Duration.ofHours(24), "hotline");
        for (int call = 0; call < 3; call++) {
            callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", now.plus(Duration.ofHours(2L * call)),
                    rules, "3" + call + "00", quietHours);
        }
        Document unmarked = new Document();
        mongo.getConverter().write(callback, unmarked);
        unmarked.remove(Callback.AWAITING_SURVEY_SMS);
        unmarked.remove(Callback.AWAITING_SURVEY_REPLY);
        unmarked.put("version", 0L);
        mongo.insert(unmarked, "callbacks").block();
        assertThat(storedCallback(callback.id())).doesNotContainKeys(Callback.AWAITING_HOTLINE,
                Callback.AWAITING_SURVEY_SMS, Callback.AWAITING_SURVEY_REPLY);
        return callback;
    }

    /** Makes the callback look stored before the waiting markers existed. */
    void unsetMarkers(String callbackId) {
        mongo.updateFirst(new Query(where("_id").is(callbackId)), new Update().unset(Callback.AWAITING_HOTLINE)
                .unset(Callback.AWAITING_SURVEY_SMS).unset(Callback.AWAITING_SURVEY_REPLY), "callbacks").block();
    }

    /** The callback's document as stored. */
    Document storedCallback(String callbackId) {
        return mongo.findById(callbackId, Document.class, "callbacks").blockOptional()
                .orElseThrow(() -> new AssertionError("No " + callbackId));
    }

    /** The callback as the API shows it. */
    CallbackSnapshot callback(String callbackId) {
        return web.get().uri("/api/v1/callbacks/{id}", callbackId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(CallbackSnapshot.class)
                .returnResult().getResponseBody();
    }

    /** The fields of a callback these tests read back. */
    record CallbackSnapshot(String id, String complaintId, String status, Instant replyBy) {
    }

    /** The reply code of the callback's survey, as stored: no API shows it. */
    String replyCode(String callbackId) {
        Callback stored = callbacks.findById(callbackId).block(Duration.ofSeconds(10));
        return stored.survey() == null ? null : stored.survey().replyCode();
    }

    /**
     * The JSON an API answered holds the reply code neither as a field nor anywhere in its text: as a number of its
     * own, not part of an id, a date or a time, which may hold the same digits by chance.
     */
    static void assertNoReplyCodeIn(byte[] json, String replyCode) {
        String body = new String(json, StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("replyCode")
                .doesNotContainPattern("(?<![0-9A-Za-z.:-])" + replyCode + "(?![0-9A-Za-z.:-])");
    }

    static String toFullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(digit -> wide.append((char) (digit - '0' + '０')));
        return wide.toString();
    }
}
