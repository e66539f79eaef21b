package closedloop.escalation.problem;

import closedloop.contracts.TimeBasis;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The problems: opened (by the detector or a supervisor), linked to complaints, planned, looked at by the action
 * pass, put on the agenda and closed. Every change is one versioned write of the problem (its own outbox), retried
 * when another writer came first; each linked complaint's {@link ProblemMember} then names the problem. Every read is by
 * key or by an index of {@link Problem}.
 */
@Service
@RequiredArgsConstructor
public class ProblemDesk {

    /** The most problems one listing answers. */
    static final int LIMIT = 200;
    /** The warning of a corrective action comes at this share of its working time, as a ticket's does. */
    static final int WARNING_PERCENT = 75;

    private final ReactiveMongoTemplate mongo;
    private final WorkingTime time;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final Clock clock;

    /** One problem. */
    public Mono<Problem> byId(String id) {
        return mongo.findById(id, Problem.class);
    }

    /** The problem a complaint is linked to, if any (read by the complaint's key). */
    public Mono<Problem> ofComplaint(String complaintId) {
        return mongo.findById(complaintId, ProblemMember.class)
                .filter(member -> member.problemId() != null)
                .flatMap(member -> byId(member.problemId()));
    }

    /** Problems in this status (all when null), newest first; only those on the agenda when {@code onAgenda}. */
    public Flux<Problem> find(ProblemStatus status, boolean onAgenda) {
        Criteria criteria = onAgenda ? where("status").is(ProblemStatus.OPEN).and("agenda").ne(null)
                : status == null ? new Criteria() : where("status").is(status);
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "openedAt")).limit(LIMIT),
                Problem.class);
    }

    /**
     * Why some of these complaints cannot be linked to a problem, by their position: "no such complaint", or the open
     * problem one is linked to already ({@code except} that one). Empty when every one can.
     */
    public Mono<Map<Integer, String>> whyNotLinkable(List<String> complaintIds, String except) {
        return mongo.find(new Query(where("_id").in(complaintIds)), ProblemMember.class)
                .collectMap(ProblemMember::complaintId, Function.identity())
                .flatMapMany(members -> Flux.range(0, complaintIds.size())
                        .concatMap(i -> reasonNotLinkable(members.get(complaintIds.get(i)), except)
                                .map(reason -> Map.entry(i, reason))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }

    private Mono<String> reasonNotLinkable(ProblemMember member, String except) {
        if (member == null) {
            return Mono.just("no such complaint");
        }
        if (member.problemId() == null || member.problemId().equals(except)) {
            return Mono.empty();
        }
        return byId(member.problemId()).filter(problem -> problem.status() == ProblemStatus.OPEN)
                .map(problem -> "is linked to the open problem " + problem.id() + " already");
    }

    /**
     * A supervisor opens a problem for these complaints (known and not in another open problem: see
     * {@link #whyNotLinkable}); later complaints of its kind are linked to it while no other problem of the kind is open.
     */
    public Mono<Problem> open(ProblemKind kind, String title, List<String> complaintIds, String actor) {
        Instant now = now();
        return members(complaintIds)
                .flatMap(members -> mongo.insert(Problem.opened(ProblemIds.fresh(), kind, title,
                        members.stream().map(member -> member.seenAt(now)).toList(), actor, now)))
                .flatMap(problem -> nameProblemOf(complaintIds, problem.id())
                        .then(raceRetry.retrying(() -> mongo.findById(kind.key(), ProblemWatch.class)
                                .defaultIfEmpty(ProblemWatch.of(kind))
                                .filter(watch -> watch.problemId() == null)
                                .flatMap(watch -> {
                                    watch.answeredBy(problem.id(), null);
                                    return mongo.save(watch);
                                })))
                        .thenReturn(problem))
                .doOnNext(relay::nudge);
    }

    /** A supervisor links more complaints (see {@link #whyNotLinkable}); empty when there is no such problem. */
    public Mono<Problem> link(String id, List<String> complaintIds, String actor) {
        return members(complaintIds).flatMap(members -> change(id, problem -> {
            Instant now = now();
            members.forEach(member -> problem.link(member.seenAt(now), actor, now));
        })).flatMap(problem -> nameProblemOf(complaintIds, id).thenReturn(problem));
    }

    /**
     * Opens the problem the detector's watch claimed, once: a second call, or one after a lost write, finds it there.
     */
    Mono<Problem> openDetected(ProblemWatch watch, Instant at) {
        List<Sighting> opening = watch.opening();
        Problem problem = Problem.opened(watch.problemId(), watch.kind(),
                watch.kind().detectedTitle(), opening, null, at);
        return mongo.insert(problem)
                .onErrorResume(DuplicateKeyException.class, openedBefore -> byId(watch.problemId()))
                .flatMap(opened -> nameProblemOf(opened.complaints().stream().map(LinkedComplaint::complaintId)
                        .toList(), opened.id()).thenReturn(opened))
                .doOnNext(relay::nudge);
    }

    /**
     * Links a complaint that matched the open problem of its kind.
     *
     * @return false when the problem is closed meanwhile (the complaint is counted afresh)
     */
    Mono<Boolean> linkMatching(ProblemWatch watch, Sighting sighting) {
        Mono<Problem> problem = byId(watch.problemId())
                .switchIfEmpty(Mono.defer(() -> watch.opening() == null ? Mono.empty()
                        : openDetected(watch, sighting.seenAt())));
        return problem.flatMap(found -> found.status() != ProblemStatus.OPEN ? Mono.just(false)
                        : change(found.id(), open -> {
                            if (open.status() == ProblemStatus.OPEN) {
                                open.link(sighting, null, now());
                            }
                        }).map(linked -> linked.isLinked(sighting.complaintId()))
                        .flatMap(linked -> linked ? nameProblemOf(List.of(sighting.complaintId()), found.id())
                                .thenReturn(true) : Mono.just(false)))
                .defaultIfEmpty(false);
    }

    /** Adds a corrective action due at {@code dueAt}, warned at three quarters of its working time. */
    public Mono<Problem> plan(String id, String what, String owner, Instant dueAt, String actor) {
        return change(id, problem -> {
            Instant now = now();
            problem.plan(what, owner, dueAt, time.share(now, dueAt, TimeBasis.WORKING, WARNING_PERCENT), actor, now);
        });
    }

    /** Records an action done; {@code IllegalTransition} when it is done already or the problem closed. */
    public Mono<Problem> done(String id, String actionId, String note, String actor) {
        return change(id, problem -> problem.done(problem.action(actionId).orElseThrow(), note, actor, now()));
    }

    /** Puts the problem on the office meeting's agenda; one already there stays as it is. */
    public Mono<Problem> putOnAgenda(String id, String reason, String actor) {
        return change(id, problem -> problem.putOnAgenda(reason, actor, now()));
    }

    /**
     * Closes the problem (every action done, else {@code ActionsStillPending}) and tells each linked complaint;
     * complaints of its kind are counted afresh from now on.
     */
    public Mono<Problem> close(String id, String resolution, boolean notifyCustomers, String actor) {
        return change(id, problem -> problem.close(resolution, notifyCustomers, actor, now()))
                .flatMap(closed -> raceRetry.retrying(() -> mongo.findById(kindOf(closed).key(), ProblemWatch.class)
                                .filter(watch -> closed.id().equals(watch.problemId()))
                                .flatMap(watch -> {
                                    watch.release();
                                    return mongo.save(watch);
                                }))
                        .thenReturn(closed));
    }

    /**
     * One pass over the actions' clocks due by now, at most {@code batchSize} problems: each warning and due date
     * passed is told once. A problem another instance changed meanwhile is left to the next pass.
     *
     * @return how many problems had a clock due
     */
    public Mono<Integer> lookAtDueClocks(int batchSize) {
        Instant now = now();
        Query due = new Query(WaitingMarker.waiting(Problem.AWAITING_ACTION_CHECK).and("status").is(ProblemStatus.OPEN)
                .and("nextCheckAt").lte(now)).with(Sort.by("nextCheckAt")).limit(batchSize);
        return mongo.find(due, Problem.class)
                .concatMap(problem -> problem.lookAtClocks(now)
                        ? mongo.save(problem).doOnNext(relay::nudge)
                                .onErrorResume(OptimisticLockingFailureException.class, lost -> Mono.empty())
                        : Mono.empty())
                .count()
                .map(Long::intValue);
    }

    private Mono<Problem> change(String id, Consumer<Problem> transition) {
        return raceRetry.retrying(() -> byId(id)
                        .doOnNext(transition)
                        .flatMap(mongo::save))
                .doOnNext(relay::nudge);
    }

    /** The members of these complaints, in the given order; the caller made sure each is known. */
    private Mono<List<ProblemMember>> members(List<String> complaintIds) {
        return mongo.find(new Query(where("_id").in(complaintIds)), ProblemMember.class)
                .collectMap(ProblemMember::complaintId, Function.identity())
                .map(found -> orderedAs(complaintIds, found));
    }

    private static List<ProblemMember> orderedAs(Collection<String> ids, Map<String, ProblemMember> found) {
        List<ProblemMember> ordered = new ArrayList<>();
        ids.stream().distinct().map(found::get).filter(Objects::nonNull).forEach(ordered::add);
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("None of these complaints is known: " + ids);
        }
        return ordered;
    }

    private Mono<Void> nameProblemOf(List<String> complaintIds, String problemId) {
        return mongo.updateMulti(new Query(where("_id").in(complaintIds)), new Update().set("problemId", problemId),
                ProblemMember.class).then();
    }

    private static ProblemKind kindOf(Problem problem) {
        return new ProblemKind(problem.category(), problem.rootCause(), problem.district());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
