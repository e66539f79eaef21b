package closedloop.notification.message;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The messages, in collection {@code messages}. */
@Repository
@RequiredArgsConstructor
public class Messages {

    private final ReactiveMongoTemplate mongo;

    /** Inserts a new message; fails with a duplicate key when a message with its id exists. */
    public Mono<Message> insert(Message message) {
        return mongo.insert(message);
    }

    /** The message with this id; empty when there is none. */
    public Mono<Message> findById(String id) {
        return mongo.findById(id, Message.class);
    }

    /** Saves the message's new state and outbox in one write, guarded by its version. */
    public Mono<Message> save(Message message) {
        return mongo.save(message);
    }

    /**
     * One page of the messages matching the filter, oldest first (ties by id, so that pages never overlap).
     *
     * @param page the page, from 0
     * @param size how many messages a page holds
     */
    public Flux<Message> find(MessageFilter filter, int page, int size) {
        Query query = queryFor(filter)
                .with(Sort.by("createdAt", "_id"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, Message.class);
    }

    /** How many messages match the filter. */
    public Mono<Long> count(MessageFilter filter) {
        return mongo.count(queryFor(filter), Message.class);
    }

    private static Query queryFor(MessageFilter filter) {
        Criteria criteria = new Criteria();
        if (filter.complaintId() != null) {
            criteria.and("outgoing.complaintId").is(filter.complaintId());
        }
        if (filter.recipient() != null) {
            criteria.and("outgoing.recipient").is(filter.recipient());
        }
        if (filter.status() != null) {
            criteria.and("status").is(filter.status());
        }
        return new Query(criteria);
    }
}
