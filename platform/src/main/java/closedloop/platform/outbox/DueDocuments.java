package closedloop.platform.outbox;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import java.util.function.Predicate;

/**
 * One run of a periodic pass over the documents that are due (found by their waiting marker, {@code WaitingMarker}):
 * each one the change alters is written with its version and its events handed to the relay at once. A document
 * another writer changed meanwhile is left to the next run, which reads it afresh, so nothing is retried here.
 */
public final class DueDocuments {

    private DueDocuments() {
    }

    /**
     * Applies {@code change} to each document {@code due} finds.
     *
     * @param change the state change at this run's instant; true when it altered the document
     * @return how many documents {@code due} found, so that a full batch can ask for another run at once
     */
    public static <T extends OutboxDocument> Mono<Integer> changeEach(ReactiveMongoTemplate mongo, OutboxRelay relay,
                                                                      Query due, Class<T> type, Predicate<T> change) {
        return mongo.find(due, type)
                .concatMap(document -> change.test(document)
                        ? mongo.save(document).doOnNext(relay::nudge)
                                .onErrorResume(OptimisticLockingFailureException.class, lost -> Mono.empty())
                                .thenReturn(1)
                        : Mono.just(1))
                .count()
                .map(Long::intValue);
    }
}
