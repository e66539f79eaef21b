package closedloop.notification.message;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/**
 * Sends messages exactly once per causing event and purpose: records the message under its deterministic id (a
 * duplicate key means the event was handled before, and nothing more happens), HELD when quiet hours keep a customer
 * SMS back, else PENDING, and asks the delivery pass to deliver it now. The returned {@code Mono} completes once the
 * message is durably stored, not once a channel accepted it: delivery, its retries and its failure are the delivery
 * pass's ({@code message.delivery}), which survives restarts because all it needs is in MongoDB.
 */
@Service
@RequiredArgsConstructor
public class Messenger {

    private static final Logger log = LoggerFactory.getLogger(Messenger.class);

    private final Messages messages;
    private final QuietHours quietHours;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Records the message for delivery, unless its causing event already caused it (then nothing happens). */
    public Mono<Void> send(Outgoing outgoing) {
        Instant now = clock.instant();
        Instant heldUntil = quietHours.holdUntil(outgoing.recipientKind(), outgoing.channel(), now).orElse(null);
        return record(Message.recorded(outgoing, now, heldUntil))
                .doOnNext(recorded -> events.publishEvent(new MessageRecorded(recorded.id(), recorded.status())))
                .then();
    }

    /**
     * Records the message as SUPPRESSED, never to be sent, for the reason given, unless its causing event already
     * caused it (then nothing happens, whether it was sent or suppressed the first time).
     */
    public Mono<Void> suppress(Outgoing outgoing, String because) {
        return record(Message.suppressed(outgoing, clock.instant(), because))
                .doOnNext(suppressed -> log.info("Message {} ({} to the {}) suppressed: {}", suppressed.id(),
                        suppressed.purpose(), suppressed.recipientKind(), because))
                .then();
    }

    private Mono<Message> record(Message message) {
        return messages.insert(message)
                .onErrorResume(DuplicateKeyException.class, alreadyHandled -> {
                    log.debug("Message {} exists already; not sending it again", message.id());
                    return Mono.empty();
                });
    }
}
