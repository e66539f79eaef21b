package closedloop.notification.callback;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.SurveyAnswers;
import closedloop.contracts.TicketResolved;
import closedloop.notification.NotificationProperties;
import closedloop.notification.contact.Contact;
import closedloop.notification.message.QuietHours;
import closedloop.platform.PhoneNumbers;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.outbox.OutboxRelay;
import closedloop.notification.promise.PromisesKept;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens callback tasks when tickets are resolved, records the hotline's calls and outcomes, sends the SMS survey after
 * the last failed call, takes the customer's SMS reply and closes unanswered surveys as UNREACHABLE.
 */
@Service
@RequiredArgsConstructor
public class CallbackService {

    private static final Logger log = LoggerFactory.getLogger(CallbackService.class);

    private final Callbacks callbacks;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final Clock clock;
    private final NotificationProperties properties;
    private final CallbackProperties rules;
    private final ReplyCodes replyCodes;
    private final SurveySms surveySms;
    private final QuietHours quietHours;
    private final PromisesKept promisesKept;

    /** Opens the callback for the resolution, to the customer given, unless that resolution opened it already. */
    public Mono<Void> open(TicketResolved resolved, Contact contact) {
        return Mono.fromSupplier(() -> Callback.open(resolved, contact, clock.instant(), properties.callbackDue(),
                        rules.assignee()))
                .flatMap(callbacks::insert)
                .doOnNext(opened -> relay.nudge(opened))
                .onErrorResume(DuplicateKeyException.class, alreadyOpened -> {
                    log.debug("Callback for resolution {} exists already", resolved.eventId());
                    return Mono.empty();
                })
                .then();
    }

    /**
     * Records a call; after the last failed one, texts the survey (a failure to hand it over is left to the survey
     * pass), due for a reply {@code survey-reply-within} after the SMS leaves (after the quiet hours, if in them).
     * Empty when there is no such callback; {@link IllegalCallbackTransition} or {@link AttemptTooSoon} when
     * the call is not allowed now.
     */
    public Mono<Callback> attempt(String id, CallbackAttemptResult result, String note, String actor) {
        return change(id, callback -> callback.attempt(result, note, actor, clock.instant(), rules, replyCodes.next(),
                quietHours))
                .flatMap(saved -> saved.status() == CallbackStatus.SURVEY_SENT
                        ? handOverSurvey(saved).thenReturn(saved)
                        : Mono.just(saved));
    }

    /**
     * Records the outcome of a call, with the survey answers if given; empty when there is no such callback,
     * {@link IllegalCallbackTransition} when it is completed, {@link UnreachableTooEarly} (one of those) for
     * UNREACHABLE before every call failed.
     */
    public Mono<Callback> complete(String id, CallbackOutcome outcome, String note, SurveyAnswers survey,
                                   String actor) {
        return callbacks.findById(id)
                .flatMap(callback -> promisesOpenAgainst(callback, outcome).flatMap(open -> open.isEmpty()
                        ? Mono.just(callback)
                        : Mono.<Callback>error(new PromisesStillOpen(callback.status(), open))))
                .flatMap(kept -> change(id, callback -> callback.complete(outcome, note, survey, actor,
                        clock.instant())));
    }

    /**
     * The one rule both ways of recording the customer's word obey (an agent's outcome, the customer's SMS reply): a
     * satisfied customer needs every promise made to them kept or waived ({@link PromisesStillOpen#guards}). The
     * complaint's obligations that keep this outcome from being recorded now; empty when it may be recorded (no
     * promise open, or an outcome the rule does not guard, which is not looked up).
     */
    private Mono<List<String>> promisesOpenAgainst(Callback callback, CallbackOutcome outcome) {
        return PromisesStillOpen.guards(outcome) ? promisesKept.open(callback.complaintId()) : Mono.just(List.of());
    }

    /** Records the outcome of a call without survey answers. */
    public Mono<Callback> complete(String id, CallbackOutcome outcome, String note, String actor) {
        return complete(id, outcome, note, null, actor);
    }

    /**
     * Takes the customer's SMS reply to the survey whose survey awaits this reply code from this phone, with actor
     * {@code sms:<phone>}: completes the callback, unless the reply is (basically) satisfied while promises made to the
     * customer are open ({@link #promisesOpenAgainst}, the rule an agent's outcome obeys): then the callback goes back
     * to the hotline with the reply held ({@link Callback#answerSurvey(SurveyReply, String, Instant, List)}), and the
     * answer is that callback all the same: the reply was taken. The same reply delivered again while the callback
     * holds it answers that callback unchanged.
     *
     * @return {@link UnreadableSurveyReply} when the text is not a reply, {@link NoSurveyAwaitingReply} when no survey
     * from this phone awaits the code, {@link IllegalCallbackTransition} when it was answered already (other than by
     * the held reply delivered again)
     */
    public Mono<Callback> answerSurvey(String from, String text) {
        return Mono.fromSupplier(() -> SurveyReply.parse(text))
                .flatMap(reply -> {
                    String replyKey = SmsSurvey.replyKey(from, reply.replyCode());
                    if (replyKey == null) {
                        return Mono.error(new NoSurveyAwaitingReply(reply.replyCode()));
                    }
                    String actor = "sms:" + PhoneNumbers.normalized(from);
                    return raceRetry.retrying(() -> callbacks.awaitingReply(replyKey)
                            .flatMap(callback -> promisesOpenAgainst(callback, reply.outcome())
                                    .flatMap(open -> {
                                        callback.answerSurvey(reply, actor, clock.instant(), open);
                                        return callbacks.save(callback);
                                    }))
                            .doOnNext(saved -> {
                                relay.nudge(saved);
                                if (saved.status() == CallbackStatus.OPEN) {
                                    // ids only: no phone number goes into a log line
                                    log.info("Callback {} back to the hotline: the customer answered {} by SMS while "
                                            + "promises are open {}", saved.id(), saved.heldReply().outcome(),
                                            saved.heldReply().openObligations());
                                }
                            })
                            .switchIfEmpty(answeredBefore(replyKey, reply)));
                });
    }

    /**
     * The callback whose survey to this phone with this code was answered before: unchanged when it holds this very
     * reply (a redelivery), else as the error it makes.
     */
    private Mono<Callback> answeredBefore(String replyKey, SurveyReply reply) {
        return Mono.defer(() -> callbacks.latestWithReplyKey(replyKey))
                .flatMap(answered -> answered.holds(reply) ? Mono.just(answered)
                        : Mono.<Callback>error(new IllegalCallbackTransition("answer the survey of",
                        answered.status(), answered.allowedActions())))
                .switchIfEmpty(Mono.error(() -> new NoSurveyAwaitingReply(reply.replyCode())));
    }

    /**
     * One pass over the surveys: hands over those whose SMS was not handed to the messenger (a crash between the
     * save and the send), then completes as UNREACHABLE those unanswered by their reply time. A survey another
     * instance or the customer completed meanwhile fails the version check and is left alone. Each survey's failure is
     * logged and the pass goes on with the next; the two steps run one after the other, and a failure of the first
     * never keeps the second from running.
     *
     * @return whether a batch was full, so more work may wait
     */
    public Mono<Boolean> surveyPass(int batch) {
        Mono<Long> handedOver = Flux.defer(() -> callbacks.surveysNotQueued(batch))
                .concatMap(this::handOverSurvey)
                .filter(Boolean::booleanValue)
                .count()
                .onErrorResume(error -> {
                    log.warn("Survey pass could not look for surveys to hand over: {}", error.toString());
                    return Mono.just(0L);
                });
        Mono<Long> expired = Flux.defer(() -> callbacks.surveysUnansweredBy(clock.instant(), batch))
                .concatMap(this::expire)
                .count()
                .onErrorResume(error -> {
                    log.warn("Survey pass could not look for unanswered surveys: {}", error.toString());
                    return Mono.just(0L);
                });
        return handedOver.flatMap(sent -> expired.map(closed -> sent >= batch || closed >= batch));
    }

    /**
     * Completes the unanswered survey as UNREACHABLE; empty when it is not (yet) due or cannot be saved. A lost race is
     * not tried again, on purpose: whoever changed the callback meanwhile (the customer's late reply, an agent's
     * outcome, another instance's pass) completed it or will be seen by the next pass, so closing it as unreachable
     * now could only overrule them.
     */
    private Mono<Callback> expire(Callback callback) {
        return Mono.defer(() -> callback.expireSurvey(clock.instant())
                        ? callbacks.save(callback).doOnNext(completed -> relay.nudge(completed))
                        : Mono.<Callback>empty())
                .onErrorResume(OptimisticLockingFailureException.class, changedMeanwhile -> {
                    log.debug("Callback {} changed meanwhile; not closing it as unreachable", callback.id());
                    return Mono.empty();
                })
                .onErrorResume(error -> {
                    log.warn("Could not close the unanswered survey of callback {}; the next pass will try again: {}",
                            callback.id(), error.toString());
                    return Mono.empty();
                });
    }

    /**
     * Texts the survey, then notes it is queued; a failure is logged and left to the next survey pass.
     *
     * @return whether the survey was handed over
     */
    private Mono<Boolean> handOverSurvey(Callback callback) {
        return Mono.defer(() -> surveySms.send(callback))
                .then(markSurveyQueued(callback.id()))
                .thenReturn(true)
                .onErrorResume(error -> {
                    log.warn("Could not hand over the survey of callback {}; the survey pass will: {}",
                            callback.id(), error.toString());
                    return Mono.just(false);
                });
    }

    /**
     * Notes on the fresh state that the survey's SMS is queued, again from a fresh read after a concurrent change;
     * nothing when it is queued already or the callback was completed meanwhile.
     */
    private Mono<Void> markSurveyQueued(String id) {
        return raceRetry.retrying(() -> callbacks.findById(id)
                .filter(callback -> callback.surveyQueued(clock.instant()))
                .flatMap(callbacks::saveSurveyQueued));
    }

    /**
     * Applies the change to the fresh state and saves it, again from a fresh read after a concurrent change or a
     * reply-code collision (a duplicate key: the change draws another code each time it runs).
     */
    private Mono<Callback> change(String id, Consumer<Callback> change) {
        return raceRetry.retrying(() -> callbacks.findById(id)
                        .map(callback -> {
                            change.accept(callback);
                            return callback;
                        })
                        .flatMap(callbacks::save))
                .doOnNext(saved -> relay.nudge(saved));
    }
}
