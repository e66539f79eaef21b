package closedloop.notification.callback;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The callback tasks, in collection {@code callbacks}. */
@Repository
public class Callbacks {

    private final ReactiveMongoTemplate mongo;

    public Callbacks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new callback; fails with a duplicate key when a callback with its id exists. */
    public Mono<Callback> insert(Callback callback) {
        return mongo.insert(callback);
    }

    /** Saves the callback's new state and outbox in one write; fails when someone else changed it meanwhile. */
    public Mono<Callback> save(Callback callback) {
        return mongo.save(callback);
    }

    public Mono<Callback> findById(String id) {
        return mongo.findById(id, Callback.class);
    }

    /** The callbacks in the given state and/or of the given complaint (null: any), soonest due first. */
    public Flux<Callback> find(CallbackStatus status, String complaintId) {
        Criteria criteria = new Criteria();
        if (complaintId != null) {
            criteria = criteria.and("complaintId").is(complaintId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(new Query(criteria).with(Sort.by("dueAt")), Callback.class);
    }
}
