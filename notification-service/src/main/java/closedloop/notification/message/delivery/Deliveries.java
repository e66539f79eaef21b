package closedloop.notification.message.delivery;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageRecorded;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Messages;
import closedloop.notification.message.QuietHours;
import closedloop.notification.message.UndeliverableMessageException;
import closedloop.platform.PhoneNumbers;
import closedloop.platform.outbox.OutboxRelay;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The durable side of sending: one pass finds the waiting messages whose due time came (by the injected clock), takes
 * a lease on each (by wall-clock time: leases are about processes, not business time), tries it through its
 * channel's resilient sender and saves the outcome with its event in one write: SENT; PENDING again after an
 * exponential backoff (a customer SMS never into the quiet hours); or FAILED when the channel refused it for good or it
 * grew older than the maximum age, whose published {@code MessageFailed} event alerts the supervisors (the notices
 * act on it; delivery never depends on them). Nothing lives only in memory, so a restarted service goes on where it
 * stopped.
 */
@Service
@RequiredArgsConstructor
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DueMessages due;
    private final Messages messages;
    private final ResilientSenders senders;
    private final QuietHours quietHours;
    private final OutboxRelay relay;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Clock leaseClock = Clock.systemUTC();
    private volatile Runnable nudge = () -> { };

    /** How to ask the delivery pass for a pass now. */
    void nudgeWith(Runnable nudge) {
        this.nudge = nudge;
    }

    /**
     * A new message was stored: a pass now delivers it, without waiting for the next interval, unless quiet hours hold
     * it (then it is not due yet).
     */
    @EventListener
    public void on(MessageRecorded recorded) {
        if (recorded.status() == MessageStatus.PENDING) {
            nudge.run();
        }
    }

    /**
     * One pass over the due messages, at most a batch, several at a time; emits whether the batch was full (so that
     * another pass follows at once). A message another pass leased meanwhile is skipped.
     */
    public Mono<Boolean> deliverDue() {
        return due.find(clock.instant(), leaseClock.instant(), properties.batchSize())
                .collectList()
                .flatMap(found -> Flux.fromIterable(found)
                        .flatMap(this::claimAndDeliver, properties.concurrency())
                        .then(Mono.just(found.size() >= properties.batchSize())));
    }

    private Mono<Message> claimAndDeliver(Message candidate) {
        Instant leaseNow = leaseClock.instant();
        return due.claim(candidate, clock.instant(), leaseNow, leaseNow.plus(properties.lease()))
                .flatMap(this::deliver)
                .onErrorResume(error -> {
                    log.warn("Delivery of message {} broke off; its lease will expire and it will be tried again: {}",
                            candidate.id(), PhoneNumbers.maskAll(error.toString()));
                    return Mono.empty();
                });
    }

    /** Tries the leased message once (unless it is too old) and saves the outcome. */
    private Mono<Message> deliver(Message message) {
        Duration maxAge = properties.maxAge();
        Instant now = clock.instant();
        if (message.isOlderThan(maxAge, now)) {
            message.expired(now, maxAge);
            return save(message);
        }
        return senders.deliver(message)
                .thenReturn(Optional.<Throwable>empty())
                .onErrorResume(error -> Mono.just(Optional.of(error)))
                .map(outcome -> settle(message, outcome.orElse(null)))
                .flatMap(this::save);
    }

    private Message settle(Message message, Throwable error) {
        Instant now = clock.instant();
        Duration maxAge = properties.maxAge();
        if (error == null) {
            message.markSent(now);
        } else if (error instanceof UndeliverableMessageException || message.isOlderThan(maxAge, now)) {
            message.failed(now, describe(error));
            log.warn("Message {} ({} by {}) failed for good: {}", message.id(), message.purpose(), message.channel(),
                    message.lastError());
        } else {
            Instant retryAt = notInQuietHours(message, now.plus(properties.backoff().after(message.attempts() + 1)));
            Instant expiresAt = message.expiresAt(maxAge);
            message.attemptFailed(now, describe(error), retryAt.isAfter(expiresAt) ? expiresAt : retryAt);
            log.info("Message {} ({} by {}) not delivered, attempt {}; trying again at {}: {}", message.id(),
                    message.purpose(), message.channel(), message.attempts(), message.nextAttemptAt(),
                    message.lastError());
        }
        return message;
    }

    /** The retry time, or the end of the quiet hours it falls in when the message is a customer SMS. */
    private Instant notInQuietHours(Message message, Instant retryAt) {
        return quietHours.holdUntil(message.recipientKind(), message.channel(), retryAt).orElse(retryAt);
    }

    /**
     * Saves the outcome under the lease's version and has its event published. A lost race is not tried again, on
     * purpose: the version changed only if this pass's lease ran out and another pass claimed the message, which now
     * owns its outcome; saving this one over it could send or fail it twice.
     */
    private Mono<Message> save(Message message) {
        return messages.save(message)
                .doOnNext(saved -> relay.nudge(saved))
                .onErrorResume(OptimisticLockingFailureException.class, lost -> {
                    log.warn("Message {} changed while it was tried (its lease ran out?); outcome not saved",
                            message.id());
                    return Mono.empty();
                });
    }

    /** What went wrong, as the message keeps it and the log shows it: with any phone number in it masked. */
    private static String describe(Throwable error) {
        return error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getSimpleName()
                : PhoneNumbers.maskAll(error.getMessage());
    }
}
