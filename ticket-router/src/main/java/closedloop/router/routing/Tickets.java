package closedloop.router.routing;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The stored tickets. Every query here is backed by an index declared on {@link Ticket}. */
@Repository
@RequiredArgsConstructor
public class Tickets {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt");
    private static final Sort CHAIN_ORDER = Sort.by(Sort.Direction.ASC, "sequence", "createdAt");

    private final ReactiveMongoTemplate mongo;

    /**
     * Inserts a new ticket; emits false when one with its id exists already (the event was applied before). A duplicate
     * key is not a race to try again: the ticket it names is the one this insert would have made.
     */
    public Mono<Boolean> insertIfAbsent(Ticket ticket) {
        return mongo.insert(ticket).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
    }

    /** Saves a changed ticket; fails with an optimistic locking failure when it was changed since it was read. */
    public Mono<Ticket> save(Ticket ticket) {
        return mongo.save(ticket);
    }

    public Mono<Ticket> findById(String id) {
        return mongo.findById(id, Ticket.class);
    }

    /** The complaint's most recent ticket: the last of its chain. */
    public Mono<Ticket> latestOf(String complaintId) {
        return mongo.findOne(new Query(where("complaintId").is(complaintId))
                .with(Sort.by(Sort.Direction.DESC, "sequence", "createdAt")).limit(1), Ticket.class);
    }

    /** The complaint's tickets in the order they followed each other, oldest first. */
    public Flux<Ticket> ofComplaint(String complaintId) {
        return mongo.find(new Query(where("complaintId").is(complaintId)).with(CHAIN_ORDER), Ticket.class);
    }

    /** The tickets matching the filter, newest first. */
    public Flux<Ticket> search(TicketFilter filter) {
        Criteria criteria = new Criteria();
        if (filter.branch() != null) {
            criteria = criteria.and("branch").is(filter.branch());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.complaintId() != null) {
            criteria = criteria.and("complaintId").is(filter.complaintId());
        }
        return mongo.find(new Query(criteria).with(NEWEST_FIRST).limit(filter.limit()), Ticket.class);
    }
}
