package closedloop.notification.callback;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.TicketResolved;
import closedloop.notification.NotificationProperties;
import closedloop.notification.contact.Contact;
import closedloop.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;

/** Opens callback tasks when tickets are resolved and records their outcomes. */
@Service
public class CallbackService {

    private static final Logger log = LoggerFactory.getLogger(CallbackService.class);

    private final Callbacks callbacks;
    private final OutboxRelay relay;
    private final Clock clock;
    private final NotificationProperties properties;

    public CallbackService(Callbacks callbacks, OutboxRelay relay, Clock clock, NotificationProperties properties) {
        this.callbacks = callbacks;
        this.relay = relay;
        this.clock = clock;
        this.properties = properties;
    }

    /** Opens the callback for the resolution, unless that resolution opened it already. */
    public Mono<Void> open(TicketResolved resolved, Contact contact) {
        return Mono.fromSupplier(() -> Callback.open(resolved, contact, clock.instant(), properties.callbackDue()))
                .flatMap(callbacks::insert)
                .doOnNext(opened -> relay.nudge(opened))
                .onErrorResume(DuplicateKeyException.class, alreadyOpened -> {
                    log.debug("Callback for resolution {} exists already", resolved.eventId());
                    return Mono.empty();
                })
                .then();
    }

    /**
     * Records the outcome of the call; empty when there is no such callback, {@link IllegalCallbackTransition} when it
     * is not open. A concurrent change is retried on the fresh state.
     */
    public Mono<Callback> complete(String id, CallbackOutcome outcome, String note, String actor) {
        return Mono.defer(() -> callbacks.findById(id)
                        .map(callback -> {
                            callback.complete(outcome, note, actor, clock.instant());
                            return callback;
                        })
                        .flatMap(callbacks::save))
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance))
                .doOnNext(completed -> relay.nudge(completed));
    }
}
