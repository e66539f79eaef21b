package closedloop.notification.message;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The messages, in collection {@code messages}. */
@Repository
public class Messages {

    private final ReactiveMongoTemplate mongo;

    public Messages(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new message; fails with a duplicate key when a message with its id exists. */
    public Mono<Message> insert(Message message) {
        return mongo.insert(message);
    }

    /** Saves the message's new state and outbox in one write, guarded by its version. */
    public Mono<Message> save(Message message) {
        return mongo.save(message);
    }

    /** The messages about the complaint, oldest first. */
    public Flux<Message> ofComplaint(String complaintId) {
        Query query = new Query(where("complaintId").is(complaintId)).with(Sort.by("createdAt"));
        return mongo.find(query, Message.class);
    }
}
