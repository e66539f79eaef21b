package closedloop.escalation.supervision;

import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.outbox.OutboxRelay;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * The office meeting's (办公会) agenda: level 2 escalations become items, the meeting's decisions are recorded and
 * told, a decision whose deadline passes is told overdue, and items are done when their complaint is resolved or
 * closed.
 */
@Service
@RequiredArgsConstructor
public class Agenda {

    /** The name of the periodic pass that finds overdue decisions, for tests that wait for it to run. */
    public static final String DECISION_PASS = "officeMeetingDecisionPass";

    /** The statuses of an item still on the agenda. */
    public static final List<AgendaStatus> ON_THE_AGENDA = List.of(AgendaStatus.OPEN, AgendaStatus.DECIDED);

    private final AgendaItems items;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final Clock clock;
    private final SupervisionProperties properties;

    /**
     * Puts a level 2 escalation on the agenda, once (the item's id is the escalation's); an item whose complaint the
     * dossier already shows resolved after the escalation, or closed, is stored DONE. Lower levels are no agenda matter.
     */
    public Mono<AgendaItem> escalated(TicketEscalated escalation, Dossier dossier) {
        if (escalation.level() < 2) {
            return Mono.empty();
        }
        AgendaItem item = AgendaItem.escalated(escalation);
        item.settleWith(dossier);
        // not retried on purpose: the item's id is the escalation's, so a duplicate key means it is on the agenda
        return items.insert(item).onErrorResume(DuplicateKeyException.class, putBefore -> Mono.empty());
    }

    /** A ticket of the complaint was resolved: its items escalated before that are done. */
    public Mono<Void> resolved(TicketResolved resolved) {
        return settle(resolved.complaintId(), item -> item.resolved(resolved.occurredAt()));
    }

    /** The complaint was closed: its items are done. */
    public Mono<Void> closed(ComplaintClosed closed) {
        return settle(closed.complaintId(), item -> item.closed(closed.occurredAt()));
    }

    private Mono<Void> settle(String complaintId, Predicate<AgendaItem> change) {
        return items.findByComplaintIdAndStatusIn(complaintId, ON_THE_AGENDA)
                .concatMap(found -> raceRetry.retrying(() -> items.findById(found.id())
                        .filter(change)
                        .flatMap(items::save)))
                .then();
    }

    /**
     * Records the meeting's decision on an item and tells it. Empty when there is no such item.
     *
     * @throws closedloop.platform.domain.IllegalTransition when the item is DONE
     */
    public Mono<AgendaItem> decide(String id, String owner, Instant deadline, String note, String actor) {
        return raceRetry.retrying(() -> items.findById(id).flatMap(item -> {
                    item.decide(owner, deadline, note, actor, clock.instant());
                    return items.save(item);
                }))
                .doOnNext(saved -> relay.nudge(saved));
    }

    /**
     * One pass over the decisions due by now: each tells {@code OfficeMeetingDecisionOverdue} once. An item another
     * instance changed meanwhile is left to the next pass.
     *
     * @return how many decisions were found overdue
     */
    public Mono<Integer> raiseOverdueDecisions(int batchSize) {
        Instant now = clock.instant();
        return items.decisionsDueBy(now, Limit.of(batchSize))
                .concatMap(item -> item.raiseOverdue(now)
                        ? items.save(item).doOnNext(saved -> relay.nudge(saved))
                                // not retried on purpose: the next pass reads the item afresh and raises what is due
                                .onErrorResume(OptimisticLockingFailureException.class, lost -> Mono.empty())
                        : Mono.empty())
                .count()
                .map(Long::intValue);
    }

    /** The items still on the agenda (not DONE), oldest escalation first, at most the configured agenda size. */
    public Flux<AgendaItem> onTheAgenda() {
        return items.findByStatusInOrderByEscalatedAtAsc(ON_THE_AGENDA, Limit.of(properties.agendaSize()));
    }

    public Mono<AgendaItem> find(String id) {
        return items.findById(id);
    }
}
