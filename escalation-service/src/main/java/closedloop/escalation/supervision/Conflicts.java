package closedloop.escalation.supervision;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.util.function.Supplier;

/**
 * Read-change-write with optimistic locking: a write that lost a race (another writer saved the document first, or
 * created it first) is tried again from a fresh read.
 */
final class Conflicts {

    private static final int ATTEMPTS = 5;

    private Conflicts() {
    }

    static <T> Mono<T> retrying(Supplier<Mono<T>> readChangeWrite) {
        return Mono.defer(readChangeWrite).retryWhen(Retry.max(ATTEMPTS).filter(error ->
                error instanceof OptimisticLockingFailureException || error instanceof DuplicateKeyException));
    }
}
