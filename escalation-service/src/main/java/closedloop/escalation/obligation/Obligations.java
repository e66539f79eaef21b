package closedloop.escalation.obligation;

import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.Promise;
import closedloop.contracts.TicketAssigned;
import closedloop.escalation.policy.WorkingTime;
import closedloop.platform.WaitingMarker;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.outbox.OutboxRelay;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The obligations: recorded from the promises of newly registered complaints (each once, by id), owed by the branch
 * that holds the complaint's ticket, kept or waived. Which branch that is comes from router.ticket and may be known
 * before or after the promises (different topics), so each side writes its own fact first and then reads the other's:
 * whichever comes second finds the first. Every read is by key or by an index of {@link Obligation}.
 */
@Service
@RequiredArgsConstructor
public class Obligations {

    /** The most obligations one listing answers. */
    static final int LIMIT = 500;
    /** A promise is warned (催办) at this share of the time to keep it, as a ticket's limit is. */
    static final int WARNING_PERCENT = 75;

    private final ReactiveMongoTemplate mongo;
    private final ObligationProperties properties;
    private final WorkingTime time;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final Clock clock;

    /**
     * Records the complaint's promises as obligations, each due when the agent said or after its kind's default from
     * registration, owed by the branch that holds the complaint's ticket if one was dispatched already.
     */
    public Mono<Void> promised(ComplaintRegistered registered) {
        List<Promise> promises = registered.promises();
        if (promises.isEmpty()) {
            return Mono.empty();
        }
        Instant at = registered.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        return Flux.range(0, promises.size())
                .concatMap(i -> insertOnce(promised(registered, i + 1, promises.get(i), at)))
                .then(mongo.findById(registered.complaintId(), ObligationOwner.class))
                .flatMap(owner -> owe(owner.complaintId(), owner.branch()));
    }

    /** The complaint's ticket went to a branch: from now on it owes the complaint's open obligations. */
    public Mono<Void> dispatched(TicketAssigned assigned) {
        return mongo.save(new ObligationOwner(assigned.complaintId(), assigned.branch()))
                .then(owe(assigned.complaintId(), assigned.branch()));
    }

    /**
     * The obligations that match, soonest due first, at most {@value #LIMIT}: of one complaint, of one branch, or in
     * one status; null leaves a filter out, but one of the three is given.
     */
    public Flux<Obligation> find(String complaintId, String branch, ObligationStatus status) {
        Criteria criteria = new Criteria();
        if (complaintId != null) {
            criteria.and("complaintId").is(complaintId);
        }
        if (branch != null) {
            criteria.and("owedBy").is(branch);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        return mongo.find(new Query(criteria).with(Sort.by("dueAt")).limit(LIMIT), Obligation.class);
    }

    /** One obligation. */
    public Mono<Obligation> byId(String id) {
        return mongo.findById(id, Obligation.class);
    }

    /** Records how the obligation was kept; empty when there is none, {@code IllegalTransition} when not OPEN. */
    public Mono<Obligation> fulfil(String id, String reference, String note, String actor) {
        return change(id, obligation -> obligation.fulfil(reference, note, actor, now()));
    }

    /** Releases the branch from the obligation; empty when there is none, {@code IllegalTransition} when not OPEN. */
    public Mono<Obligation> waive(String id, String reason, String actor) {
        return change(id, obligation -> obligation.waive(reason, actor, now()));
    }

    private Mono<Obligation> change(String id, java.util.function.Consumer<Obligation> transition) {
        return raceRetry.retrying(() -> byId(id)
                        .doOnNext(transition)
                        .flatMap(mongo::save))
                .doOnNext(relay::nudge);
    }

    private Mono<Obligation> insertOnce(Obligation obligation) {
        return mongo.insert(obligation).onErrorResume(DuplicateKeyException.class, recorded -> Mono.empty());
    }

    /** The branch owes the complaint's open obligations; the version moves, so a concurrent change is retried. */
    private Mono<Void> owe(String complaintId, String branch) {
        return mongo.updateMulti(new Query(where("complaintId").is(complaintId).and("status")
                                .is(ObligationStatus.OPEN).and("owedBy").ne(branch)),
                        new Update().set("owedBy", branch).inc("version", 1), Obligation.class)
                .then();
    }

    /** The obligation of the complaint's n-th promise: due when promised or by default, warned at 75 % of its time. */
    private Obligation promised(ComplaintRegistered registered, int number, Promise promise, Instant at) {
        Instant due = dueAt(promise, at);
        Instant warnAt = time.share(at, due, properties.limit(promise.kind()).basis(), WARNING_PERCENT)
                .truncatedTo(ChronoUnit.MILLIS);
        return Obligation.promised(registered.complaintId(), registered.number(), number, promise, at, due, warnAt,
                null);
    }

    /**
     * One pass over the promises' clocks due by now, at most {@code batchSize}: each warning and breach is told once.
     * An obligation changed meanwhile (kept, waived, another instance) is left to the next pass.
     *
     * @return how many obligations had a clock due
     */
    public Mono<Integer> lookAtDueClocks(int batchSize) {
        Instant now = now();
        Query due = new Query(WaitingMarker.waiting(Obligation.AWAITING_CLOCK).and("status").is(ObligationStatus.OPEN)
                .and("nextCheckAt").lte(now)).with(Sort.by("nextCheckAt")).limit(batchSize);
        return mongo.find(due, Obligation.class)
                .concatMap(obligation -> obligation.lookAtClock(now)
                        ? mongo.save(obligation).doOnNext(relay::nudge)
                                .onErrorResume(OptimisticLockingFailureException.class, lost -> Mono.empty())
                        : Mono.empty())
                .count()
                .map(Long::intValue);
    }

    private Instant dueAt(Promise promise, Instant registeredAt) {
        return promise.dueAt() != null ? promise.dueAt()
                : time.deadline(registeredAt, properties.limit(promise.kind())).truncatedTo(ChronoUnit.MILLIS);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
