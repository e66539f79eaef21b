package closedloop.intake.complaint;

import closedloop.contracts.Category;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The reads over many complaints: repeat detection and search, newest first (ties broken by number). Each criterion
 * is an equality on an indexed field followed by the range and sort on {@code registeredAt}, as the compound indexes
 * on {@link Complaint} expect.
 */
@Component
@RequiredArgsConstructor
public class ComplaintQueries {

    /** At most this many earlier complaints are named as repeated. */
    static final int MAX_REPEATED = 100;

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("number"));

    private final ReactiveMongoTemplate mongo;

    /** The customer's complaints of this category registered in {@code [since, until]}, newest first. */
    public Flux<EarlierComplaint> earlier(String phone, Category category, Instant since, Instant until) {
        Query query = new Query(where("customer.phone").is(phone).and("category").is(category)
                .and("registeredAt").gte(since).lte(until))
                .with(NEWEST_FIRST).limit(MAX_REPEATED);
        query.fields().include("number");
        return mongo.find(query, Complaint.class).map(found -> new EarlierComplaint(found.id(), found.number()));
    }

    /** One page of the complaints that match, with the total count. */
    public Mono<ResultPage<Complaint>> search(ComplaintQuery search) {
        Criteria criteria = criteria(search);
        Query page = new Query(criteria).with(NEWEST_FIRST)
                .skip((long) search.page() * search.size()).limit(search.size());
        page.fields().include("number", "status", "category", "priority", "registeredAt", "repeat");
        return mongo.find(page, Complaint.class).collectList()
                .zipWith(mongo.count(new Query(criteria), Complaint.class))
                .map(found -> new ResultPage<>(found.getT1(), search.page(), search.size(), found.getT2()));
    }

    private static Criteria criteria(ComplaintQuery search) {
        List<Criteria> all = new ArrayList<>();
        equal(all, "customer.phone", search.phone());
        equal(all, "branch", search.branch());
        equal(all, "status", search.status());
        equal(all, "category", search.category());
        equal(all, "channel", search.channel());
        equal(all, "priority", search.priority());
        if (search.from() != null || search.to() != null) {
            Criteria registered = where("registeredAt");
            if (search.from() != null) {
                registered = registered.gte(search.from());
            }
            if (search.to() != null) {
                registered = registered.lt(search.to());
            }
            all.add(registered);
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    private static void equal(List<Criteria> all, String field, Object value) {
        if (value != null) {
            all.add(where(field).is(value));
        }
    }
}
