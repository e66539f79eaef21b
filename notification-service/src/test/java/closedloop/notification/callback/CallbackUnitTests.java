package closedloop.notification.callback;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.contracts.CallbackAttempted;
import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackSurveySent;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.EventIds;
import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.Golden;
import closedloop.contracts.SurveyAnswers;
import closedloop.contracts.TicketResolved;
import closedloop.notification.contact.Contact;
import closedloop.notification.message.QuietHours;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class CallbackUnitTests {

    /** 09:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZONE);
    static final TicketResolved RESOLVED = (TicketResolved) Golden.event(EventType.TICKET_RESOLVED);
    static final CallbackProperties RULES = new CallbackProperties("hotline", Duration.ofHours(2), 3,
            Duration.ofHours(48), 4, Duration.ofMinutes(1));
    static final SurveyAnswers ANSWERS = new SurveyAnswers(5, 4, 5, 5, "Tell me the refund date on the first call");
    static final Contact CONTACT = new Contact(RESOLVED.complaintId(), "TS-20261122-000123", "Wang Fang", "13800138000");

    @Test
    void opensDueAfterTheConfiguredTimeWithTheCustomersContact() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), RULES.assignee());

        assertThat(callback.id()).isEqualTo(EventIds.derived(RESOLVED.eventId(), "callback").toString());
        assertThat(callback.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(callback.openedAt()).isEqualTo(NOW);
        assertThat(callback.dueAt()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(callback.customer().complaintNumber()).isEqualTo("TS-20261122-000123");
        assertThat(callback.customer().name()).isEqualTo("Wang Fang");
        assertThat(callback.customer().phone()).isEqualTo("13800138000");
        assertThat(callback.ticketId()).isEqualTo(RESOLVED.ticketId());
        assertThat(callback.branch()).isEqualTo(RESOLVED.branch());
    }

    @Test
    void recordsCallbackOpenedWithAnIdDerivedFromTheResolution() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), RULES.assignee());
        Callback again = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), RULES.assignee());

        CallbackOpened opened = (CallbackOpened) only(callback);
        assertThat(opened.callbackId()).isEqualTo(callback.id());
        assertThat(opened.dueAt()).isEqualTo(callback.dueAt());
        assertThat(opened.occurredAt()).isEqualTo(NOW);
        assertThat(opened.eventId()).isEqualTo(only(again).eventId());
        Golden.assertSameShape(opened);
    }

    @Test
    void completesAnOpenCallbackWithOutcomeNoteAndActor() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), RULES.assignee());

        callback.complete(CallbackOutcome.SATISFIED, "Refund received", ANSWERS, "agent-017", NOW.plusSeconds(600));

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.result().answers()).isEqualTo(ANSWERS);
        assertThat(callback.result().outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(callback.result().note()).isEqualTo("Refund received");
        assertThat(callback.result().completedBy()).isEqualTo("agent-017");
        assertThat(callback.result().completedAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(callback.pendingEvents()).hasSize(2);
        CallbackCompleted completed = (CallbackCompleted) read(callback.pendingEvents().get(1));
        assertThat(completed.actor()).isEqualTo("agent-017");
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(completed.callbackId()).isEqualTo(callback.id());
        assertThat(completed.survey()).isEqualTo(ANSWERS);
        Golden.assertSameShape(completed);
    }

    @Test
    void refusesToCompleteACompletedCallback() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), RULES.assignee());
        callback.complete(CallbackOutcome.BASICALLY_SATISFIED, null, "agent-017", NOW);

        assertThatThrownBy(() -> callback.complete(CallbackOutcome.SATISFIED, null, "agent-018", NOW))
                .isInstanceOfSatisfying(IllegalCallbackTransition.class, illegal -> {
                    assertThat(illegal.currentState()).isEqualTo(CallbackStatus.COMPLETED.name());
                    assertThat(illegal.allowedActions()).isEmpty();
                });
        assertThat(callback.result().outcome()).isEqualTo(CallbackOutcome.BASICALLY_SATISFIED);
        assertThat(callback.result().completedBy()).isEqualTo("agent-017");
        assertThat(callback.pendingEvents()).hasSize(2);
    }

    @Test
    void allowsCallsAndTheOutcomeWhileOpenAndTheReplyOrTheOutcomeOnceTheSurveyIsOut() {
        assertThat(CallbackStatus.OPEN.allowedActions()).containsExactly("attempt", "outcome");
        assertThat(CallbackStatus.SURVEY_SENT.allowedActions()).containsExactly("reply", "outcome");
        assertThat(CallbackStatus.COMPLETED.allowedActions()).isEmpty();
    }

    @Test
    void isOverdueOnlyWhileNotCompletedAfterItsDueTime() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), RULES.assignee());
        Instant due = callback.dueAt();

        assertThat(callback.overdueAt(due.minusSeconds(1))).isFalse();
        assertThat(callback.overdueAt(due)).isFalse();
        assertThat(callback.overdueAt(due.plusSeconds(1))).isTrue();

        callback.complete(CallbackOutcome.SATISFIED, null, "agent-017", due.plusSeconds(1));
        assertThat(callback.overdueAt(due.plusSeconds(2))).isFalse();
    }

    @Test
    void assignsTheCallbackToTheHotlineAndKeepsTheResolvingBranchOnlyAsInformation() {
        Callback callback = Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), "hotline-east");

        assertThat(callback.assignee()).isEqualTo("hotline-east");
        assertThat(callback.branch()).isEqualTo(RESOLVED.branch());
        assertThat(callback.nextAttemptAt()).isEqualTo(NOW);
        assertThat(callback.nextActionAt()).isEqualTo(NOW);
    }

    @Test
    void recordsEachCallWithItsResultAndAllowsTheNextOnlyTwoHoursLater() {
        Callback callback = open();

        callback.attempt(CallbackAttemptResult.NO_ANSWER, "rang out", "agent-017", NOW, RULES, "4821", QUIET);

        assertThat(callback.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(callback.calls().made()).containsExactly(
                new CallbackAttempt(1, CallbackAttemptResult.NO_ANSWER, "rang out", NOW, "agent-017"));
        assertThat(callback.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        CallbackAttempted attempted = (CallbackAttempted) read(callback.pendingEvents().get(1));
        assertThat(attempted.attempt()).isEqualTo(1);
        assertThat(attempted.result()).isEqualTo(CallbackAttemptResult.NO_ANSWER);
        assertThat(attempted.note()).isEqualTo("rang out");
        assertThat(attempted.actor()).isEqualTo("agent-017");
        assertThat(attempted.eventId()).isEqualTo(EventIds.derived(callback.id(), "attempt/1"));
        Golden.assertSameShape(attempted);

        Instant tooSoon = NOW.plus(Duration.ofHours(2)).minusSeconds(1);
        assertThatThrownBy(() -> callback.attempt(CallbackAttemptResult.BUSY, null, "agent-018", tooSoon, RULES, "1",
                QUIET))
                .isInstanceOfSatisfying(AttemptTooSoon.class, soon ->
                        assertThat(soon.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(2))));
        assertThat(callback.calls().made()).hasSize(1);
        assertThat(callback.pendingEvents()).hasSize(2);

        callback.attempt(CallbackAttemptResult.BUSY, null, "agent-018", NOW.plus(Duration.ofHours(2)), RULES, "1",
                QUIET);
        assertThat(callback.calls().made()).extracting(CallbackAttempt::result)
                .containsExactly(CallbackAttemptResult.NO_ANSWER, CallbackAttemptResult.BUSY);
        assertThat(callback.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void sendsTheSurveyAfterTheThirdFailedCallWithTheReplyCodeAndReplyTime() {
        Callback callback = open();
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW, RULES, "1111", QUIET);
        callback.attempt(CallbackAttemptResult.WRONG_NUMBER, null, "agent-017", NOW.plus(Duration.ofHours(2)), RULES,
                "2222", QUIET);
        assertThat(callback.status()).isEqualTo(CallbackStatus.OPEN);
        Instant third = NOW.plus(Duration.ofHours(5));

        callback.attempt(CallbackAttemptResult.BUSY, null, "agent-019", third, RULES, "4821", QUIET);

        assertThat(callback.status()).isEqualTo(CallbackStatus.SURVEY_SENT);
        assertThat(callback.survey().replyCode()).isEqualTo("4821");
        assertThat(callback.survey().sentAt()).isEqualTo(third);
        assertThat(callback.survey().replyBy()).isEqualTo(third.plus(Duration.ofHours(48)));
        assertThat(callback.nextAttemptAt()).isNull();
        assertThat(callback.nextActionAt()).isNull();
        assertThat(callback.allowedActions()).containsExactly("reply", "outcome");
        CallbackSurveySent sent = (CallbackSurveySent) read(callback.pendingEvents().get(4));
        assertThat(sent.eventId()).isEqualTo(callback.surveySentEventId())
                .isEqualTo(EventIds.derived(callback.id(), "survey-sent"));
        assertThat(sent.replyBy()).isEqualTo(third.plus(Duration.ofHours(48)));
        assertThat(sent.callbackId()).isEqualTo(callback.id());
        Golden.assertSameShape(sent);
        assertThatThrownBy(() -> callback.attempt(CallbackAttemptResult.REACHED, null, "agent-017",
                third.plus(Duration.ofHours(3)), RULES, "1", QUIET))
                .isInstanceOfSatisfying(IllegalCallbackTransition.class, illegal ->
                        assertThat(illegal.currentState()).isEqualTo(CallbackStatus.SURVEY_SENT.name()));
        assertThat(callback.calls().made()).hasSize(3);
    }

    @Test
    void takesNoMoreCallsOnceTheCustomerIsReachedButTheOutcome() {
        Callback callback = open();
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW, RULES, "1111", QUIET);
        Instant reachedAt = NOW.plus(Duration.ofHours(2));

        callback.attempt(CallbackAttemptResult.REACHED, "talked", "agent-017", reachedAt, RULES, "2222", QUIET);

        assertThat(callback.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(callback.calls().reached()).isTrue();
        assertThat(callback.nextAttemptAt()).isNull();
        assertThat(callback.nextActionAt()).isEqualTo(reachedAt);
        assertThat(callback.allowedActions()).containsExactly("outcome");
        assertThatThrownBy(() -> callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017",
                reachedAt.plus(Duration.ofHours(3)), RULES, "3333", QUIET))
                .isInstanceOfSatisfying(IllegalCallbackTransition.class, illegal ->
                        assertThat(illegal.allowedActions()).containsExactly("outcome"));

        callback.complete(CallbackOutcome.BASICALLY_SATISFIED, "ok", ANSWERS, "agent-017", reachedAt.plusSeconds(60));

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.result().outcome()).isEqualTo(CallbackOutcome.BASICALLY_SATISFIED);
        assertThat(callback.survey()).isNull();
    }

    @Test
    void completesBySmsReplyWithTheCustomersAnswers() {
        Callback callback = surveyed();
        SurveyReply reply = SurveyReply.parse("4821 3 2 2 3 1 nobody came");

        callback.answerSurvey(reply, "sms:13800138000", callback.survey().sentAt().plusSeconds(60));

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.result().outcome()).isEqualTo(CallbackOutcome.UNSATISFIED);
        assertThat(callback.result().answers()).isEqualTo(new SurveyAnswers(2, 2, 3, 1, "nobody came"));
        assertThat(callback.result().completedBy()).isEqualTo("sms:13800138000");
        assertThat(callback.survey().replyCode()).isEqualTo("4821");
        CallbackCompleted completed = (CallbackCompleted) read(callback.pendingEvents().get(
                callback.pendingEvents().size() - 1));
        assertThat(completed.survey()).isEqualTo(new SurveyAnswers(2, 2, 3, 1, "nobody came"));
        assertThat(completed.actor()).isEqualTo("sms:13800138000");
        assertThatThrownBy(() -> callback.answerSurvey(reply, "sms:13800138000", callback.result().completedAt()))
                .isInstanceOfSatisfying(IllegalCallbackTransition.class, illegal ->
                        assertThat(illegal.currentState()).isEqualTo(CallbackStatus.COMPLETED.name()));
    }

    @Test
    void sendsTheCallbackBackToTheHotlineWithTheReplyHeldWhenTheCustomerAnswersSatisfiedWhilePromisesAreOpen() {
        Callback callback = surveyed();
        int events = callback.pendingEvents().size();
        Instant replied = callback.survey().sentAt().plus(Duration.ofHours(5));
        SurveyReply reply = SurveyReply.parse("4821 1 5 4 5 5 thanks");

        callback.answerSurvey(reply, "sms:13800138000", replied, java.util.List.of("c-1", "c-2"));

        assertThat(callback.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(callback.result()).isNull();
        assertThat(callback.pendingEvents()).hasSize(events);
        assertThat(callback.heldReply()).isEqualTo(new HeldSurveyReply(CallbackOutcome.SATISFIED,
                new SurveyAnswers(5, 4, 5, 5, "thanks"), replied, "sms:13800138000", java.util.List.of("c-1", "c-2")));
        assertThat(callback.heldReply().reason()).startsWith("Promises still open: c-1, c-2.")
                .contains("SATISFIED by SMS at " + replied);
        assertThat(callback.heldReply().toString()).doesNotContain("13800138000");
        // on the hotline's worklist at once, for the outcome only: the calls are used up
        assertThat(callback.nextActionAt()).isEqualTo(replied);
        assertThat(callback.awaitingHotline()).isEqualTo(replied);
        assertThat(callback.awaitingSurveyReply()).isNull();
        assertThat(callback.survey().awaitingReply()).isNull();
        assertThat(callback.survey().replyKey()).isEqualTo("13800138000#4821");
        assertThat(callback.allowedActions()).containsExactly("outcome");
        assertThat(callback.nextAttemptAt()).isNull();
        assertThat(callback.expireSurvey(callback.survey().replyBy().plusSeconds(1))).isFalse();
        assertThat(callback.holds(reply)).isTrue();
        assertThat(callback.holds(SurveyReply.parse("4821 1"))).isFalse();
        assertThat(callback.holds(SurveyReply.parse("4821 3 5 4 5 5 thanks"))).isFalse();
        assertThatThrownBy(() -> callback.answerSurvey(reply, "sms:13800138000", replied, java.util.List.of()))
                .isInstanceOfSatisfying(IllegalCallbackTransition.class, illegal -> {
                    assertThat(illegal.currentState()).isEqualTo(CallbackStatus.OPEN.name());
                    assertThat(illegal.allowedActions()).containsExactly("outcome");
                });
        assertThatThrownBy(() -> callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017",
                replied.plus(Duration.ofHours(3)), RULES, "5555", QUIET))
                .isInstanceOf(IllegalCallbackTransition.class);

        callback.complete(CallbackOutcome.SATISFIED, "refund received", ANSWERS, "agent-020",
                replied.plus(Duration.ofDays(1)));

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.awaitingHotline()).isNull();
        assertThat(callback.heldReply().outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        CallbackCompleted completed = (CallbackCompleted) read(callback.pendingEvents().get(
                callback.pendingEvents().size() - 1));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(completed.actor()).isEqualTo("agent-020");
        assertThat(holdsNoMoreThanOneCompletion(callback)).isTrue();
    }

    @Test
    void completesBySmsReplyWhilePromisesAreOpenWhenTheCustomerIsNotSatisfied() {
        Callback callback = surveyed();

        callback.answerSurvey(SurveyReply.parse("4821 3 nothing was refunded"), "sms:13800138000",
                callback.survey().sentAt().plusSeconds(60), java.util.List.of("c-1"));

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.result().outcome()).isEqualTo(CallbackOutcome.UNSATISFIED);
        assertThat(callback.heldReply()).isNull();
        assertThat(((CallbackCompleted) read(callback.pendingEvents().get(callback.pendingEvents().size() - 1)))
                .outcome()).isEqualTo(CallbackOutcome.UNSATISFIED);
    }

    @Test
    void guardsOnlyTheSatisfiedOutcomesWithTheOpenPromises() {
        assertThat(java.util.Arrays.stream(CallbackOutcome.values()).filter(PromisesStillOpen::guards))
                .containsExactlyInAnyOrder(CallbackOutcome.SATISFIED, CallbackOutcome.BASICALLY_SATISFIED);
    }

    @Test
    void acceptsAnAgentsLateOutcomeWhileTheSurveyIsOut() {
        Callback callback = surveyed();

        callback.complete(CallbackOutcome.SATISFIED, "called back by the customer", null, "agent-020",
                callback.survey().sentAt().plusSeconds(600));

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.result().completedBy()).isEqualTo("agent-020");
        assertThat(callback.expireSurvey(callback.survey().replyBy().plusSeconds(1))).isFalse();
        assertThat(callback.result().outcome()).isEqualTo(CallbackOutcome.SATISFIED);
    }

    @Test
    void closesAnUnansweredSurveyAsUnreachableOnlyOnceItsReplyTimePassed() {
        Callback callback = surveyed();
        int events = callback.pendingEvents().size();

        assertThat(callback.expireSurvey(callback.survey().replyBy().minusSeconds(1))).isFalse();
        assertThat(callback.status()).isEqualTo(CallbackStatus.SURVEY_SENT);
        assertThat(callback.pendingEvents()).hasSize(events);

        assertThat(callback.expireSurvey(callback.survey().replyBy())).isTrue();

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.result().outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(callback.result().completedBy()).isEqualTo("system");
        assertThat(callback.result().completedAt()).isEqualTo(callback.survey().replyBy());
        CallbackCompleted completed = (CallbackCompleted) read(callback.pendingEvents().get(events));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(completed.actor()).isEqualTo("system");
        assertThat(callback.expireSurvey(callback.survey().replyBy().plusSeconds(60))).isFalse();
        assertThat(callback.pendingEvents()).hasSize(events + 1);
    }

    @Test
    void refusesAnAgentsUnreachableUntilEveryCallFailedAndTheSurveyIsOut() {
        Callback callback = open();

        assertThatThrownBy(() -> callback.complete(CallbackOutcome.UNREACHABLE, null, "agent-017", NOW))
                .isInstanceOfSatisfying(UnreachableTooEarly.class, tooEarly -> {
                    assertThat(tooEarly.currentState()).isEqualTo(CallbackStatus.OPEN.name());
                    assertThat(tooEarly.allowedActions()).containsExactly("attempt", "outcome");
                    assertThat(tooEarly.attemptsMade()).isZero();
                    assertThat(tooEarly.reached()).isFalse();
                    assertThat(tooEarly.details()).containsOnly(entry("attempts", 0), entry("reached", false));
                    assertThat(tooEarly).hasMessageContaining("every call failed");
                });
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW, RULES, "1111", QUIET);
        callback.attempt(CallbackAttemptResult.WRONG_NUMBER, null, "agent-017", NOW.plus(Duration.ofHours(2)), RULES,
                "2222", QUIET);
        assertThatThrownBy(() -> callback.complete(CallbackOutcome.UNREACHABLE, "wrong number twice", "agent-017",
                NOW.plus(Duration.ofHours(3))))
                .isInstanceOfSatisfying(UnreachableTooEarly.class, tooEarly ->
                        assertThat(tooEarly.attemptsMade()).isEqualTo(2));
        assertThat(callback.status()).isEqualTo(CallbackStatus.OPEN);
        assertThat(callback.result()).isNull();
        assertThat(callback.pendingEvents()).hasSize(3);

        callback.attempt(CallbackAttemptResult.BUSY, null, "agent-017", NOW.plus(Duration.ofHours(4)), RULES, "4821",
                QUIET);
        callback.complete(CallbackOutcome.UNREACHABLE, "no reply either", "agent-018", NOW.plus(Duration.ofHours(5)));

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback.result().outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(callback.result().completedBy()).isEqualTo("agent-018");
    }

    @Test
    void refusesUnreachableOnceACallReachedTheCustomer() {
        Callback callback = open();
        callback.attempt(CallbackAttemptResult.REACHED, null, "agent-017", NOW, RULES, "1111", QUIET);

        assertThatThrownBy(() -> callback.complete(CallbackOutcome.UNREACHABLE, null, "agent-017", NOW))
                .isInstanceOfSatisfying(UnreachableTooEarly.class, tooEarly -> {
                    assertThat(tooEarly.reached()).isTrue();
                    assertThat(tooEarly.allowedActions()).containsExactly("outcome");
                });
        assertThat(callback.status()).isEqualTo(CallbackStatus.OPEN);
    }

    @Test
    void awaitsTheReplyUnderTheNormalizedPhoneAndCodeAndKeepsTheKeyAfterCompletion() {
        Contact spaced = new Contact(RESOLVED.complaintId(), "TS-20261122-000123", "Wang Fang", "+86 138-0013-8000");
        Callback callback = Callback.open(RESOLVED, spaced, NOW, Duration.ofHours(24), RULES.assignee());
        assertThat(callback.survey()).isNull();
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW, RULES, "1111", QUIET);
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW.plus(Duration.ofHours(2)), RULES,
                "2222", QUIET);
        assertThat(callback.survey()).isNull();

        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW.plus(Duration.ofHours(4)), RULES,
                "4821", QUIET);

        assertThat(callback.survey().replyKey()).isEqualTo("13800138000#4821")
                .isEqualTo(SmsSurvey.replyKey("008613800138000", "4821"));
        assertThat(callback.survey().awaitingReply()).isEqualTo("13800138000#4821");
        callback.answerSurvey(SurveyReply.parse("4821 1"), "sms:13800138000", NOW.plus(Duration.ofHours(5)));
        assertThat(callback.survey().awaitingReply()).isNull();
        assertThat(callback.survey().replyKey()).isEqualTo("13800138000#4821");
        assertThat(callback.survey().replyCode()).isEqualTo("4821");
        assertThat(SmsSurvey.replyKey("", "4821")).isNull();
        assertThat(SmsSurvey.replyKey(null, "4821")).isNull();
    }

    @Test
    void startsTheReplyTimeWhenTheQuietHoursEndIfTheLastCallIsInThem() {
        Instant late = LocalDateTime.of(2026, 11, 23, 23, 0).atZone(ZONE).toInstant();

        Callback callback = surveyedWithTheLastCallAt(late);

        Instant quietHoursEnd = LocalDateTime.of(2026, 11, 24, 8, 0).atZone(ZONE).toInstant();
        assertThat(callback.survey().sentAt()).isEqualTo(late);
        assertThat(callback.survey().replyBy()).isEqualTo(quietHoursEnd.plus(Duration.ofHours(48)));
        CallbackSurveySent sent = (CallbackSurveySent) read(callback.pendingEvents().get(4));
        assertThat(sent.replyBy()).isEqualTo(quietHoursEnd.plus(Duration.ofHours(48)));

        Instant early = LocalDateTime.of(2026, 11, 24, 7, 59).atZone(ZONE).toInstant();
        assertThat(surveyedWithTheLastCallAt(early).survey().replyBy())
                .isEqualTo(quietHoursEnd.plus(Duration.ofHours(48)));
        Instant evening = LocalDateTime.of(2026, 11, 23, 20, 59).atZone(ZONE).toInstant();
        assertThat(surveyedWithTheLastCallAt(evening).survey().replyBy()).isEqualTo(evening.plus(Duration.ofHours(48)));
        assertThat(surveyedWithTheLastCallAt(quietHoursEnd).survey().replyBy())
                .isEqualTo(quietHoursEnd.plus(Duration.ofHours(48)));
    }

    @Test
    void notesTheSurveySmsQueuedOnceAndOnlyWhileTheSurveyAwaitsIt() {
        Callback open = open();
        Callback callback = surveyed();
        int events = callback.pendingEvents().size();

        assertThat(open.surveyQueued(NOW)).isFalse();
        assertThat(callback.survey().isQueued()).isFalse();
        assertThat(callback.surveyQueued(NOW.plus(Duration.ofHours(4)))).isTrue();
        assertThat(callback.surveyQueued(NOW.plus(Duration.ofHours(5)))).isFalse();

        assertThat(callback.survey().queuedAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThat(callback.status()).isEqualTo(CallbackStatus.SURVEY_SENT);
        assertThat(callback.pendingEvents()).hasSize(events);
        Callback completed = surveyed();
        completed.complete(CallbackOutcome.SATISFIED, null, "agent-017", NOW.plus(Duration.ofHours(5)));
        assertThat(completed.surveyQueued(NOW.plus(Duration.ofHours(6)))).isFalse();
    }

    @Test
    void isOverdueWhileTheSurveyIsOutAfterItsDueTime() {
        Callback callback = surveyed();

        assertThat(callback.overdueAt(callback.dueAt().plusSeconds(1))).isTrue();
    }

    @Test
    void drawsReplyCodesOfTheConfiguredLengthWithoutALeadingZero() {
        ReplyCodes four = new ReplyCodes(new java.util.Random(7), 4);
        ReplyCodes six = new ReplyCodes(new java.util.Random(7), 6);

        for (int i = 0; i < 200; i++) {
            assertThat(four.next()).matches("[1-9][0-9]{3}");
            assertThat(six.next()).matches("[1-9][0-9]{5}");
        }
    }

    @Test
    void waitsForTheHotlineWhileOpenAndForTheSurveyPassOnceTheSurveyIsOut() {
        Callback callback = open();
        assertThat(callback.awaitingHotline()).isEqualTo(NOW);
        assertThat(callback.awaitingSurveySms()).isNull();
        assertThat(callback.awaitingSurveyReply()).isNull();
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW, RULES, "1111", QUIET);
        assertThat(callback.awaitingHotline()).isEqualTo(NOW);
        callback.attempt(CallbackAttemptResult.BUSY, null, "agent-017", NOW.plus(Duration.ofHours(2)), RULES, "2222",
                QUIET);
        Instant third = NOW.plus(Duration.ofHours(4));

        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", third, RULES, "4821", QUIET);

        assertThat(callback.awaitingHotline()).isNull();
        assertThat(callback.awaitingSurveySms()).isEqualTo(third);
        assertThat(callback.awaitingSurveyReply()).isEqualTo(third);
    }

    @Test
    void stopsWaitingForTheHandOverOnceTheSmsIsQueuedAndForTheReplyOnceCompleted() {
        Callback callback = surveyed();
        Instant queued = NOW.plus(Duration.ofHours(4)).plusSeconds(1);

        callback.surveyQueued(queued);
        assertThat(callback.awaitingSurveySms()).isNull();
        assertThat(callback.awaitingSurveyReply()).isEqualTo(NOW.plus(Duration.ofHours(4)));
        callback.expireSurvey(callback.survey().replyBy());

        assertThat(callback.status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callback).extracting(Callback::awaitingHotline, Callback::awaitingSurveySms,
                Callback::awaitingSurveyReply).containsOnlyNulls();
    }

    @Test
    void waitsForNothingOnceCompletedByTheHotline() {
        Callback callback = open();

        callback.complete(CallbackOutcome.SATISFIED, null, "agent-017", NOW.plusSeconds(60));

        assertThat(callback).extracting(Callback::awaitingHotline, Callback::awaitingSurveySms,
                Callback::awaitingSurveyReply).containsOnlyNulls();
    }

    @Test
    void takesItsWaitingMarkersAtItsNextChangeWhenStoredBeforeTheyExisted() {
        Instant sent = NOW.minus(Duration.ofHours(1));
        Callback stored = new Callback("cb-1", RESOLVED.complaintId(), RESOLVED.ticketId(), RESOLVED.branch(),
                "hotline", CustomerToCall.of(CONTACT), CallbackStatus.SURVEY_SENT, sent, sent.plus(Duration.ofDays(1)),
                null, null, SmsSurvey.sent(CONTACT.phone(), "4821", sent, sent.plus(Duration.ofHours(48))), null, 7L);
        assertThat(stored.awaitingSurveyReply()).isNull();

        stored.surveyQueued(NOW);

        assertThat(stored.awaitingSurveySms()).isNull();
        assertThat(stored.awaitingSurveyReply()).isEqualTo(NOW);
    }

    private static Callback open() {
        return Callback.open(RESOLVED, CONTACT, NOW, Duration.ofHours(24), "hotline");
    }

    /** A callback whose three calls failed, so its survey with code 4821 is out. */
    private static Callback surveyed() {
        Callback callback = open();
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW, RULES, "1111", QUIET);
        callback.attempt(CallbackAttemptResult.BUSY, null, "agent-017", NOW.plus(Duration.ofHours(2)), RULES, "2222",
                QUIET);
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", NOW.plus(Duration.ofHours(4)), RULES,
                "4821", QUIET);
        return callback;
    }

    /** A callback whose three calls failed, the last at {@code last} and the others 2 and 4 hours before. */
    private static Callback surveyedWithTheLastCallAt(Instant last) {
        Callback callback = Callback.open(RESOLVED, CONTACT, last.minus(Duration.ofHours(5)), Duration.ofHours(24),
                RULES.assignee());
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", last.minus(Duration.ofHours(4)), RULES,
                "1111", QUIET);
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", last.minus(Duration.ofHours(2)), RULES,
                "2222", QUIET);
        callback.attempt(CallbackAttemptResult.NO_ANSWER, null, "agent-017", last, RULES, "4821", QUIET);
        return callback;
    }

    /** Whether the callback recorded CallbackCompleted at most once. */
    private static boolean holdsNoMoreThanOneCompletion(Callback callback) {
        return callback.pendingEvents().stream().map(CallbackUnitTests::read)
                .filter(CallbackCompleted.class::isInstance).count() <= 1;
    }

    private static closedloop.contracts.ClosedLoopEvent only(Callback callback) {
        assertThat(callback.pendingEvents()).hasSize(1);
        return read(callback.pendingEvents().get(0));
    }

    private static closedloop.contracts.ClosedLoopEvent read(OutgoingEvent event) {
        return EventJson.read(EventType.byId(event.type()).orElseThrow(), event.payload());
    }
}
