package closedloop.notification.callback;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.TicketResolved;
import closedloop.notification.NotificationProperties;
import closedloop.notification.contact.Contacts;
import closedloop.notification.contact.Reopens;
import closedloop.notification.notice.Acknowledgements;
import closedloop.notification.notice.Notices;
import closedloop.notification.notice.WhoIsTold;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.domain.RaceRetryProperties;
import closedloop.platform.outbox.OutboxRelay;
import closedloop.notification.promise.PromisesKept;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static closedloop.notification.callback.CallbackUnitTests.CONTACT;
import static closedloop.notification.callback.CallbackUnitTests.NOW;
import static closedloop.notification.callback.CallbackUnitTests.QUIET;
import static closedloop.notification.callback.CallbackUnitTests.RESOLVED;
import static closedloop.notification.callback.CallbackUnitTests.RULES;
import static closedloop.notification.callback.CallbackUnitTests.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The callback service with its collaborators replaced: the survey pass, the hand-over and the reply time. */
class CallbackServiceUnitTests {

    static final int BATCH = 100;
    static final NotificationProperties PROPERTIES = new NotificationProperties(Duration.ofHours(24),
            Duration.ofHours(24), ZONE);
    static final RaceRetry RACE_RETRY = new RaceRetry(new RaceRetryProperties(5, Duration.ofMillis(1)));

    final Callbacks callbacks = mock(Callbacks.class);
    final OutboxRelay relay = mock(OutboxRelay.class);
    final SurveySms surveySms = mock(SurveySms.class);
    final PromisesKept promisesKept = mock(PromisesKept.class);

    CallbackServiceUnitTests() {
        when(callbacks.save(any())).thenAnswer(save -> Mono.just(save.getArgument(0)));
        when(callbacks.findById(any(String.class))).thenReturn(Mono.empty());
        when(callbacks.saveSurveyQueued(any())).thenReturn(Mono.empty());
        when(callbacks.surveysNotQueued(anyInt())).thenReturn(Flux.empty());
        when(callbacks.surveysUnansweredBy(any(), anyInt())).thenReturn(Flux.empty());
        when(surveySms.send(any())).thenReturn(Mono.empty());
    }

    @Test
    void closesAnUnansweredSurveyInThePassWhoseOtherSurveySmsCannotBeHandedOver() {
        Callback broken = surveyed();
        Callback fine = surveyed();
        Callback unanswered = surveyed();
        // as SurveySms did before it deferred: it threw instead of answering with an error
        doThrow(new NullPointerException("no reply code")).when(surveySms).send(broken);
        when(callbacks.surveysNotQueued(BATCH)).thenReturn(Flux.just(broken, fine));
        when(callbacks.findById(fine.id())).thenReturn(Mono.just(fine));
        when(callbacks.surveysUnansweredBy(any(), eq(BATCH))).thenReturn(Flux.just(unanswered));
        Instant afterReplyTime = unanswered.survey().replyBy().plusSeconds(1);

        StepVerifier.create(service(Clock.fixed(afterReplyTime, ZONE)).surveyPass(BATCH))
                .expectNext(false)
                .verifyComplete();

        verify(callbacks).saveSurveyQueued(fine);
        assertThat(fine.survey().queuedAt()).isEqualTo(afterReplyTime);
        verify(callbacks, never()).findById(broken.id());
        assertThat(broken.survey().isQueued()).isFalse();
        verify(callbacks).save(unanswered);
        assertThat(unanswered.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(unanswered.result().outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(unanswered.result().completedBy()).isEqualTo(Callback.SYSTEM);
    }

    @Test
    void closesTheUnansweredSurveysWhenLookingForUnsentOnesFails() {
        Callback unanswered = surveyed();
        when(callbacks.surveysNotQueued(BATCH)).thenReturn(Flux.error(
                new DataAccessResourceFailureException("primary stepped down")));
        when(callbacks.surveysUnansweredBy(any(), eq(BATCH))).thenReturn(Flux.just(unanswered));

        StepVerifier.create(service(Clock.fixed(unanswered.survey().replyBy(), ZONE)).surveyPass(BATCH))
                .expectNext(false)
                .verifyComplete();

        verify(callbacks).save(unanswered);
        assertThat(unanswered.status()).isEqualTo(CallbackStatus.COMPLETED);
    }

    @Test
    void goesOnClosingUnansweredSurveysAfterOneThatCannotBeSaved() {
        Callback failing = surveyed();
        Callback next = surveyed();
        doReturn(Mono.error(new DataAccessResourceFailureException("write failed"))).when(callbacks).save(failing);
        when(callbacks.surveysUnansweredBy(any(), eq(BATCH))).thenReturn(Flux.just(failing, next));

        StepVerifier.create(service(Clock.fixed(next.survey().replyBy(), ZONE)).surveyPass(BATCH))
                .expectNext(false)
                .verifyComplete();

        verify(callbacks).save(next);
        assertThat(next.status()).isEqualTo(CallbackStatus.COMPLETED);
    }

    @Test
    void answersTheSavedSurveyWhenItsSmsCannotBeHandedOverAtOnce() {
        Callback callback = calledTwice(NOW);
        when(callbacks.findById(callback.id())).thenReturn(Mono.just(callback));
        doThrow(new NullPointerException("no reply code")).when(surveySms).send(callback);

        StepVerifier.create(service(Clock.fixed(NOW.plus(Duration.ofHours(4)), ZONE))
                        .attempt(callback.id(), CallbackAttemptResult.NO_ANSWER, null, "agent-017"))
                .assertNext(saved -> assertThat(saved.status()).isEqualTo(CallbackStatus.SURVEY_SENT))
                .verifyComplete();

        verify(callbacks).save(callback);
        verify(callbacks, never()).saveSurveyQueued(any());
        assertThat(callback.survey().isQueued()).isFalse();
    }

    @Test
    void startsTheReplyTimeWhenTheQuietHoursEndForALastCallAt11pm() {
        Instant elevenPm = LocalDateTime.of(2026, 11, 23, 23, 0).atZone(ZONE).toInstant();
        Callback callback = calledTwice(elevenPm.minus(Duration.ofHours(4)));
        when(callbacks.findById(callback.id())).thenReturn(Mono.just(callback));

        Callback surveyed = service(Clock.fixed(elevenPm, ZONE))
                .attempt(callback.id(), CallbackAttemptResult.BUSY, null, "agent-017").block();

        Instant eightAmNextDay = LocalDateTime.of(2026, 11, 24, 8, 0).atZone(ZONE).toInstant();
        assertThat(surveyed.status()).isEqualTo(CallbackStatus.SURVEY_SENT);
        assertThat(surveyed.survey().sentAt()).isEqualTo(elevenPm);
        assertThat(surveyed.survey().replyBy()).isEqualTo(eightAmNextDay.plus(RULES.surveyReplyWithin()))
                .isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        verify(surveySms).send(surveyed);
        verify(callbacks).saveSurveyQueued(surveyed);
        assertThat(surveyed.survey().queuedAt()).isEqualTo(elevenPm);
    }

    @Test
    void notesTheSurveyQueuedOnAFreshReadWhenTheCallbackChangedMeanwhile() {
        Callback stale = surveyed();
        Callback fresh = surveyed();
        when(callbacks.surveysNotQueued(BATCH)).thenReturn(Flux.just(stale));
        when(callbacks.findById(stale.id())).thenReturn(Mono.just(stale), Mono.just(fresh));
        when(callbacks.saveSurveyQueued(stale)).thenReturn(Mono.error(new OptimisticLockingFailureException("moved")));
        Instant now = stale.survey().sentAt().plusSeconds(60);

        StepVerifier.create(service(Clock.fixed(now, ZONE)).surveyPass(BATCH))
                .expectNext(false)
                .verifyComplete();

        verify(callbacks).saveSurveyQueued(fresh);
        assertThat(fresh.survey().queuedAt()).isEqualTo(now);
        verify(surveySms).send(stale);
    }

    @Test
    void holdsASatisfiedSmsReplyWhilePromisesAreOpenTakesItsRedeliveryUnchangedAndLetsTheAgentCompleteOnceKept() {
        Callback callback = surveyed();
        String replyKey = SmsSurvey.replyKey(CONTACT.phone(), "4821");
        when(callbacks.awaitingReply(replyKey)).thenReturn(Mono.just(callback), Mono.empty());
        when(callbacks.latestWithReplyKey(replyKey)).thenReturn(Mono.just(callback));
        when(callbacks.findById(callback.id())).thenReturn(Mono.just(callback));
        Instant replied = callback.survey().sentAt().plus(Duration.ofHours(5));
        CallbackService service = service(Clock.fixed(replied, ZONE));
        when(promisesKept.open(callback.complaintId())).thenReturn(Mono.just(List.of("c-1")));
        int events = callback.pendingEvents().size();

        Callback held = service.answerSurvey("+86 138 0013 8000", "4821 1 5 4 5 5").block();

        assertThat(held.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(held.heldReply().openObligations()).containsExactly("c-1");
        assertThat(held.heldReply().from()).isEqualTo("sms:13800138000");
        assertThat(held.pendingEvents()).hasSize(events);
        verify(callbacks).save(callback);

        // the gateway delivers the same SMS again: the same callback, nothing saved
        Callback again = service.answerSurvey("+86 138 0013 8000", "4821 1 5 4 5 5").block();

        assertThat(again).isSameAs(callback);
        assertThat(again.heldReply().receivedAt()).isEqualTo(replied);
        verify(callbacks).save(any());
        StepVerifier.create(service.answerSurvey("+86 138 0013 8000", "4821 3"))
                .expectError(IllegalCallbackTransition.class)
                .verify();

        // one rule for both paths: the agent cannot record SATISFIED while the promise is open either
        StepVerifier.create(service.complete(callback.id(), CallbackOutcome.SATISFIED, null, "agent-020"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(PromisesStillOpen.class,
                        open -> assertThat(open.currentState()).isEqualTo("OPEN")))
                .verify();
        when(promisesKept.open(callback.complaintId())).thenReturn(Mono.just(List.of()));

        Callback completed = service.complete(callback.id(), CallbackOutcome.SATISFIED, "refund received",
                "agent-020").block();

        assertThat(completed.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(completed.result().completedBy()).isEqualTo("agent-020");
    }

    @Test
    void completesAnUnsatisfiedSmsReplyWithoutLookingUpThePromises() {
        Callback callback = surveyed();
        when(callbacks.awaitingReply(SmsSurvey.replyKey(CONTACT.phone(), "4821"))).thenReturn(Mono.just(callback));
        CallbackService service = service(Clock.fixed(callback.survey().sentAt().plusSeconds(60), ZONE));
        when(promisesKept.open(any())).thenReturn(Mono.just(List.of("c-1")));

        Callback completed = service.answerSurvey(CONTACT.phone(), "4821 3").block();

        assertThat(completed.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(completed.result().outcome()).isEqualTo(CallbackOutcome.UNSATISFIED);
        assertThat(completed.heldReply()).isNull();
        verify(promisesKept, never()).open(any());
    }

    @Test
    void rendersTheSurveySmsOnlyWhenSubscribedSoAFailureIsAnErrorNotAThrow() {
        Notices notices = mock(Notices.class);
        SurveySms sms = new SurveySms(new WhoIsTold(notices, mock(Contacts.class), mock(Reopens.class), PROPERTIES,
                mock(Acknowledgements.class)));
        Callback withoutSurvey = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), RULES.assignee());

        Mono<Void> send = sms.send(withoutSurvey);

        StepVerifier.create(send).expectError(NullPointerException.class).verify();
        verifyNoInteractions(notices);
    }

    CallbackService service(Clock clock) {
        when(promisesKept.open(any())).thenReturn(Mono.just(List.of()));
        return new CallbackService(callbacks, relay, RACE_RETRY, clock, PROPERTIES, RULES,
                new ReplyCodes(new Random(7), 4), surveySms, QUIET, promisesKept);
    }

    /** A callback of its own resolution, opened and called in vain at {@code first}, and again 2 h later. */
    static Callback calledTwice(Instant first) {
        TicketResolved resolved = new TicketResolved(UUID.randomUUID(), RESOLVED.occurredAt(), RESOLVED.complaintId(),
                UUID.randomUUID().toString(), RESOLVED.branch(), RESOLVED.resolution(), RESOLVED.actor());
        Callback callback = Callback.open(resolved, CONTACT, first, Duration.ofHours(24), RULES.assignee());
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", first, RULES, "1111", QUIET);
        callback.attempt(CallbackAttemptResult.BUSY, null, "agent-017", first.plus(Duration.ofHours(2)), RULES,
                "2222", QUIET);
        return callback;
    }

    /** A callback of its own resolution whose three calls failed from {@code NOW} on, so its survey is out. */
    static Callback surveyed() {
        Callback callback = calledTwice(NOW);
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW.plus(Duration.ofHours(4)), RULES,
                "4821", QUIET);
        return callback;
    }
}
