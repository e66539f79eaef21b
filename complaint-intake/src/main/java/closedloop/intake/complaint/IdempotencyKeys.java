package closedloop.intake.complaint;

import closedloop.contracts.EventIds;
import closedloop.platform.domain.RaceRetry;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Claims idempotency keys, insert first: the first request with a key inserts its record and so decides the
 * complaint's id; every later request with that key reads the record instead. No transaction is needed because the
 * complaint's id comes from the record: whichever request finds the complaint missing creates it with that id, and
 * the complaint's {@code _id} lets only one of them succeed.
 */
@Component
@RequiredArgsConstructor
public class IdempotencyKeys {

    private final ReactiveMongoTemplate mongo;
    private final RaceRetry raceRetry;
    private final Clock clock;

    /**
     * The record of this key: a new one when the key is unused (or expired), the stored one when it was used with
     * the same body. Fails with {@link IdempotencyKeyReused} when it was used with another body.
     */
    public Mono<IdempotencyRecord> claim(String key, String fingerprint) {
        return raceRetry.retrying(() -> tryClaim(key, fingerprint))
                .flatMap(record -> record.fingerprint().equals(fingerprint)
                        ? Mono.just(record)
                        : Mono.error(new IdempotencyKeyReused(key)));
    }

    /**
     * One attempt: inserts a new record, or reads the one that took the key. When that one is gone by the time it is
     * read (or expired, and is removed now), the insert lost a race to a record that no longer stands: the duplicate
     * key is passed on, so that the claim is tried again from a fresh insert.
     */
    private Mono<IdempotencyRecord> tryClaim(String key, String fingerprint) {
        Instant now = clock.instant();
        // the creation instant is part of the id so that a key reused after it expired makes a new complaint
        String complaintId = EventIds.derived(key + "@" + now, "complaint").toString();
        return mongo.insert(new IdempotencyRecord(key, fingerprint, complaintId, now))
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(key, IdempotencyRecord.class)
                        .flatMap(stored -> stored.expiredAt(now) ? forget(stored).then(Mono.<IdempotencyRecord>empty())
                                : Mono.just(stored))
                        .switchIfEmpty(Mono.error(taken)));
    }

    /** Removes an expired record, unless another request replaced it meanwhile. */
    private Mono<Void> forget(IdempotencyRecord expired) {
        Query same = new Query(where("_id").is(expired.key()).and("createdAt").is(expired.createdAt()));
        return mongo.remove(same, IdempotencyRecord.class).then();
    }
}
