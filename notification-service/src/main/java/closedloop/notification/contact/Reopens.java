package closedloop.notification.contact;

import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The reopened tickets, one document per complaint (collection {@code reopens}). */
@Repository
@RequiredArgsConstructor
public class Reopens {

    private final ReactiveMongoTemplate mongo;

    /**
     * Remembers that the complaint was reopened with this ticket and answers how many times it was reopened so far,
     * this one included; remembering the same ticket twice counts it once.
     */
    public Mono<Integer> reopenedWith(String complaintId, String ticketId) {
        return mongo.findAndModify(new Query(where("_id").is(complaintId)),
                        new Update().addToSet("ticketIds", ticketId),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), ReopenedTickets.class)
                .map(ReopenedTickets::count);
    }
}
