package closedloop.platform.domain;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.util.function.Supplier;

/**
 * Read-change-write with optimistic locking: a write that lost a race (another writer saved the document first, or
 * created it first) is tried again from a fresh read, with a short jittered backoff, up to the attempts the
 * {@code closedloop.race-retry} settings allow. When every attempt lost, the last failure is passed on; the platform
 * answers it with a 409 "changed concurrently".
 */
public class RaceRetry {

    private final RaceRetryProperties properties;

    public RaceRetry(RaceRetryProperties properties) {
        this.properties = properties;
    }

    /** Runs the read-change-write, again from the start for each race it loses. */
    public <T> Mono<T> retrying(Supplier<Mono<T>> readChangeWrite) {
        return Mono.defer(readChangeWrite).retryWhen(spec());
    }

    /** The retry itself, for a pipeline that is built already. */
    public Retry spec() {
        return Retry.backoff(properties.attempts(), properties.backoff())
                .filter(RaceRetry::isLostRace)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /** Whether the failure means another writer got there first. */
    public static boolean isLostRace(Throwable failure) {
        return failure instanceof OptimisticLockingFailureException || failure instanceof DuplicateKeyException;
    }
}
