package closedloop.intake.complaint;

import closedloop.intake.IntakeProperties;
import closedloop.platform.domain.RaceRetry;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Hands out complaint numbers. Each operator day has one counter document in {@code complaint_numbers}, raised by an
 * atomic {@code findAndModify $inc} with upsert, so numbers never repeat, neither under concurrency nor across
 * restarts or instances.
 */
@Component
@RequiredArgsConstructor
public class ComplaintNumbers {

    static final String COLLECTION = "complaint_numbers";

    private final ReactiveMongoTemplate mongo;
    private final RaceRetry raceRetry;
    private final Clock clock;
    private final IntakeProperties properties;

    /** The next number of today, in the operator's zone. */
    public Mono<String> next() {
        LocalDate day = ComplaintNumber.dayOf(clock.instant(), properties.zone());
        Query counter = new Query(where("_id").is(day.toString()));
        Update raise = new Update().inc("last", 1L);
        FindAndModifyOptions returnRaised = FindAndModifyOptions.options().upsert(true).returnNew(true);
        return mongo.findAndModify(counter, raise, returnRaised, Document.class, COLLECTION)
                .map(document -> ComplaintNumber.of(day, ((Number) document.get("last")).longValue()))
                // two first-of-the-day upserts may race on the _id; the loser simply raises the winner's counter
                .retryWhen(raceRetry.spec());
    }
}
