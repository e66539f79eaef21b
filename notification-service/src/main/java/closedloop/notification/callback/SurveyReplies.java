package closedloop.notification.callback;

import closedloop.platform.PhoneNumbers;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.outbox.OutboxRelay;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/**
 * Takes the customers' SMS replies to the survey and keeps anyone from guessing reply codes: a reply from a phone
 * whose survey is locked is refused whatever it says; a reply naming a code no survey to its phone awaits is counted,
 * and too many of them lock the phone's survey ({@link SurveyLockout}, {@link SurveyLockoutProperties}). All of it is
 * in MongoDB under the phone's number, so every instance of the service sees the same count and lock.
 */
@Service
@RequiredArgsConstructor
public class SurveyReplies {

    private static final Logger log = LoggerFactory.getLogger(SurveyReplies.class);

    private final CallbackService callbackService;
    private final Callbacks callbacks;
    private final SurveyLockouts lockouts;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final Clock clock;
    private final SurveyLockoutProperties rules;

    /**
     * Takes the customer's reply ({@link CallbackService#answerSurvey}) unless their phone's survey is locked.
     *
     * @return {@link SurveyLocked} while the phone's survey is locked (checked before the text is read);
     * {@link NoSurveyAwaitingReply} for a wrong code, once it is counted (it may have locked the survey, which then
     * holds for the next reply); else what {@link CallbackService#answerSurvey} answers
     */
    public Mono<Callback> take(String from, String text) {
        String phone = PhoneNumbers.normalized(from);
        return refuseWhileLocked(phone)
                .then(Mono.defer(() -> callbackService.answerSurvey(from, text)))
                .onErrorResume(NoSurveyAwaitingReply.class, wrong -> countWrongCode(phone).then(Mono.error(wrong)));
    }

    private Mono<Void> refuseWhileLocked(String phone) {
        if (phone.isEmpty()) {
            return Mono.empty();
        }
        return lockouts.findByPhone(phone)
                .flatMap(lockout -> Mono.justOrEmpty(lockout.lockInForceAt(clock.instant())))
                .flatMap(lockedUntil -> Mono.error(new SurveyLocked(lockedUntil)));
    }

    /**
     * Counts a wrong code from the phone, again from a fresh read when another reply from it saved first; locking
     * records the lock on the surveys awaiting a reply from the phone in the same write. A phone without digits
     * (nothing can match it) is not counted. {@link SurveyLocked} when a concurrent reply locked it meanwhile.
     */
    private Mono<Void> countWrongCode(String phone) {
        if (phone.isEmpty()) {
            return Mono.empty();
        }
        return raceRetry.retrying(() -> lockouts.findByPhone(phone)
                .switchIfEmpty(Mono.fromSupplier(() -> SurveyLockout.none(phone)))
                .flatMap(lockout -> {
                    Instant now = clock.instant();
                    return switch (lockout.wrongCode(now, rules)) {
                        case COUNTED -> lockouts.save(lockout).then();
                        case LOCKED -> lock(lockout, phone);
                        case ALREADY_LOCKED -> Mono.error(new SurveyLocked(lockout.lockedUntil()));
                    };
                }));
    }

    /** Records the lock just taken on the surveys awaiting a reply from the phone, and saves it with its events. */
    private Mono<Void> lock(SurveyLockout lockout, String phone) {
        return callbacks.awaitingReplyFrom(phone).collectList()
                .flatMap(awaiting -> {
                    lockout.recordLock(awaiting, rules.wrongCodes(), "sms:" + phone);
                    return lockouts.save(lockout)
                            .doOnNext(saved -> {
                                relay.nudge(saved);
                                // the callbacks' ids, never the phone: no phone number goes into a log line
                                log.info("{} wrong reply codes locked a phone's survey until {}; callbacks awaiting "
                                        + "its reply: {}", rules.wrongCodes(), saved.lockedUntil(),
                                        awaiting.stream().map(Callback::id).toList());
                            });
                })
                .then();
    }
}
