package closedloop.notification.callback;

import closedloop.platform.WaitingMarker;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The callback tasks, in collection {@code callbacks}. The survey pass's reads and the worklist's by state ask for the
 * callback's waiting markers (docs/architecture.md §9.19), which stand for the state they ask for, so that a store
 * with only sparse one-field indexes reads the callbacks in that state alone.
 */
@Repository
@RequiredArgsConstructor
public class Callbacks {

    private static final Sort BY_DUE_TIME = Sort.by("dueAt", "_id");

    private final ReactiveMongoTemplate mongo;

    /** Inserts a new callback; fails with a duplicate key when a callback with its id exists. */
    public Mono<Callback> insert(Callback callback) {
        return mongo.insert(callback);
    }

    /**
     * Saves the callback's new state and outbox in one write; fails when someone else changed it meanwhile, or with a
     * duplicate key when another survey to the same phone awaits a reply with its reply code.
     */
    public Mono<Callback> save(Callback callback) {
        return mongo.save(callback);
    }

    public Mono<Callback> findById(String id) {
        return mongo.findById(id, Callback.class);
    }

    /**
     * One page of the callbacks the filter lets through at {@code now}, soonest due first. Index: {@code status, dueAt,
     * _id, nextActionAt} (equality, sort, range), {@code dueAt, _id} without a state, or {@code complaintId}; the
     * marker of the state asked for ({@code nextActionAt} is there only while OPEN), except for COMPLETED.
     */
    public Flux<Callback> find(CallbackFilter filter, Instant now, int page, int size) {
        Query query = query(filter, now).with(BY_DUE_TIME).skip((long) page * size).limit(size);
        return mongo.find(query, Callback.class);
    }

    /** How many callbacks the filter lets through at {@code now}. */
    public Mono<Long> count(CallbackFilter filter, Instant now) {
        return mongo.count(query(filter, now), Callback.class);
    }

    private static Query query(CallbackFilter filter, Instant now) {
        Criteria criteria = markerOf(filter).map(WaitingMarker::waiting).orElseGet(Criteria::new);
        if (filter.complaintId() != null) {
            criteria = criteria.and("complaintId").is(filter.complaintId());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.dueOnly()) {
            criteria = criteria.and("nextActionAt").lte(now);
        }
        return new Query(criteria);
    }

    /** The waiting marker present on exactly the callbacks in the state the filter asks for, if there is one. */
    private static Optional<String> markerOf(CallbackFilter filter) {
        if (filter.dueOnly() || filter.status() == CallbackStatus.OPEN) {
            return Optional.of(Callback.AWAITING_HOTLINE);
        }
        return filter.status() == CallbackStatus.SURVEY_SENT ? Optional.of(Callback.AWAITING_SURVEY_REPLY)
                : Optional.empty();
    }

    /**
     * The survey awaiting a reply under this key ({@link SmsSurvey#replyKey(String, String)}: phone and code), if any
     * (unique sparse index {@code survey.awaitingReply}).
     */
    public Mono<Callback> awaitingReply(String replyKey) {
        return mongo.findOne(new Query(where("survey.awaitingReply").is(replyKey)), Callback.class);
    }

    /**
     * The surveys awaiting a reply from this phone (its normalized number, digits only), whatever their codes: a
     * prefix of {@code survey.awaitingReply}, which its unique sparse index serves as a range.
     */
    public Flux<Callback> awaitingReplyFrom(String phone) {
        if (phone.isEmpty() || !phone.chars().allMatch(Character::isDigit)) {
            return Flux.error(new IllegalArgumentException("Not a normalized phone number"));
        }
        return mongo.find(new Query(where("survey.awaitingReply").regex("^" + phone + SmsSurvey.KEY_SEPARATOR)),
                Callback.class);
    }

    /**
     * The latest survey sent under this key (phone and code), whether or not it still awaits a reply (index
     * {@code survey.replyKey, survey.sentAt}).
     */
    public Mono<Callback> latestWithReplyKey(String replyKey) {
        return mongo.findOne(new Query(where("survey.replyKey").is(replyKey))
                .with(Sort.by(Sort.Direction.DESC, "survey.sentAt")).limit(1), Callback.class);
    }

    /**
     * Up to {@code limit} surveys still awaiting a reply whose reply time passed at {@code now} (marker
     * {@value Callback#AWAITING_SURVEY_REPLY}, index {@code status, survey.replyBy}).
     */
    public Flux<Callback> surveysUnansweredBy(Instant now, int limit) {
        Query query = new Query(WaitingMarker.waiting(Callback.AWAITING_SURVEY_REPLY)
                .and("status").is(CallbackStatus.SURVEY_SENT).and("survey.replyBy").lte(now))
                .with(Sort.by("survey.replyBy")).limit(limit);
        return mongo.find(query, Callback.class);
    }

    /**
     * Saves {@link Callback#surveyQueued(Instant)}: the fields that transition changes (the time and the waiting
     * markers), under the version the callback was read with (and moving it on), not the whole document. A save of
     * the whole document would write back the outbox as it was read, and the survey is queued right after the save
     * that recorded {@code CallbackSurveySent}, while the outbox relay publishes it: the relay removes the events it
     * published without moving the version, so the version check could not notice, and they would be published again.
     *
     * @return an {@link OptimisticLockingFailureException} when the callback changed since it was read
     */
    public Mono<Void> saveSurveyQueued(Callback callback) {
        Query unchanged = new Query(where("_id").is(callback.id()).and("version").is(callback.version()));
        Update queued = new Update().set("survey.queuedAt", callback.survey().queuedAt())
                .unset(Callback.AWAITING_SURVEY_SMS).set(Callback.AWAITING_SURVEY_REPLY, callback.awaitingSurveyReply())
                .inc("version", 1);
        return mongo.updateFirst(unchanged, queued, Callback.class)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new OptimisticLockingFailureException("Callback " + callback.id()
                                + " changed since version " + callback.version())));
    }

    /**
     * Up to {@code limit} surveys awaiting a reply whose SMS was not yet handed to the messenger (marker
     * {@value Callback#AWAITING_SURVEY_SMS}, index {@code status, survey.queuedAt}).
     */
    public Flux<Callback> surveysNotQueued(int limit) {
        Query query = new Query(WaitingMarker.waiting(Callback.AWAITING_SURVEY_SMS)
                .and("status").is(CallbackStatus.SURVEY_SENT).and("survey.queuedAt").is(null))
                .limit(limit);
        return mongo.find(query, Callback.class);
    }
}
