package closedloop.notification.callback;

import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The wrong reply codes and survey locks per phone, in collection {@code survey-lockouts}, by normalized number. */
@Repository
@RequiredArgsConstructor
public class SurveyLockouts {

    private final ReactiveMongoTemplate mongo;

    /** The phone's wrong codes and lock; empty when it has none (or they expired and were removed). */
    public Mono<SurveyLockout> findByPhone(String phone) {
        return mongo.findById(phone, SurveyLockout.class);
    }

    /**
     * Saves the counted code, and a lock with its events, in one write; fails when another reply from the phone saved
     * first, with a duplicate key when it created the document first.
     */
    public Mono<SurveyLockout> save(SurveyLockout lockout) {
        return mongo.save(lockout);
    }
}
