package closedloop.notification.message.delivery;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageStatus;
import closedloop.platform.WaitingMarker;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The messages waiting for delivery (HELD or PENDING) whose due time came, and the lease a delivery pass takes on one
 * before it tries it: one conditional update guarded by the message's status, due time, free lease and version, so
 * that two passes (two instances, or a pass and a nudge) never try the same message at the same time. Both ask for the
 * waiting marker {@value Message#AWAITING_DELIVERY} first, so that a store with only sparse one-field indexes reads the
 * waiting messages alone (docs/architecture.md §9.19); real MongoDB also has the index {@code status_nextAttemptAt}.
 */
@Component
@RequiredArgsConstructor
public class DueMessages {

    /** The statuses of the messages waiting for delivery, as stored. */
    static final List<String> WAITING = List.of(MessageStatus.HELD.name(), MessageStatus.PENDING.name());

    private final ReactiveMongoTemplate mongo;

    /**
     * Up to {@code limit} waiting messages due at {@code now} that no pass holds at {@code leaseNow}, the longest due
     * first.
     */
    public Flux<Message> find(Instant now, Instant leaseNow, int limit) {
        Query due = new Query(dueAndFree(now, leaseNow)).with(Sort.by("nextAttemptAt")).limit(limit);
        return mongo.find(due, Message.class);
    }

    /**
     * Takes the lease on the message until {@code leaseUntil} if it is still as it was read, still due and free;
     * emits the leased message (with its new version), or nothing when another pass was faster. A lost race is not
     * tried again, on purpose: the faster pass delivers the message, and a second claim would only send it twice.
     */
    public Mono<Message> claim(Message candidate, Instant now, Instant leaseNow, Instant leaseUntil) {
        Query unchanged = new Query(where("_id").is(candidate.id()).and("version").is(candidate.version())
                .andOperator(dueAndFree(now, leaseNow)));
        Update lease = new Update().set("leaseUntil", leaseUntil).inc("version", 1);
        return mongo.findAndModify(unchanged, lease, FindAndModifyOptions.options().returnNew(true), Message.class);
    }

    private static Criteria dueAndFree(Instant now, Instant leaseNow) {
        return WaitingMarker.waiting(Message.AWAITING_DELIVERY)
                .and("status").in(WAITING).and("nextAttemptAt").lte(now)
                .orOperator(where("leaseUntil").is(null), where("leaseUntil").lt(leaseNow));
    }
}
