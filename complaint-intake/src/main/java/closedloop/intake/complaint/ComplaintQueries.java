package closedloop.intake.complaint;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The read over many complaints: search, newest first (ties broken by number). Each criterion is an equality on an
 * indexed field followed by the range and sort on {@code registeredAt}, as the compound indexes on {@link Complaint}
 * expect. Repeat detection does not query the complaints: see {@link Repeats}.
 */
@Component
@RequiredArgsConstructor
public class ComplaintQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("number"));

    private final ReactiveMongoTemplate mongo;

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
