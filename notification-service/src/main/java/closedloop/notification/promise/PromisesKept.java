package closedloop.notification.promise;

import closedloop.contracts.ComplaintRegistered;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The promises each complaint's customer is owed, one document per complaint, written by upserts that a repeat or
 * any order of the events leaves alike ({@code $max} of the count, {@code $addToSet} of the settled ones).
 */
@Repository
@RequiredArgsConstructor
public class PromisesKept {

    private final ReactiveMongoTemplate mongo;

    /** The complaint's registration: how many promises the agent made. */
    public Mono<Void> promised(ComplaintRegistered registered) {
        if (registered.promises().isEmpty()) {
            return Mono.empty();
        }
        return upsert(registered.complaintId(), new Update().max("promised", registered.promises().size()));
    }

    /** An obligation of the complaint was kept or waived. */
    public Mono<Void> settled(String complaintId, String obligationId) {
        return upsert(complaintId, new Update().addToSet("settled", obligationId).max("promised", 0));
    }

    /** The complaint's obligations neither kept nor waived; none when no promise was made. */
    public Mono<List<String>> open(String complaintId) {
        return mongo.findById(complaintId, PromisesOwed.class).map(PromisesOwed::open).defaultIfEmpty(List.of());
    }

    private Mono<Void> upsert(String complaintId, Update update) {
        return mongo.upsert(new Query(where("_id").is(complaintId)), update, PromisesOwed.class).then();
    }
}
