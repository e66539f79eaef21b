package closedloop.escalation.supervision;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.platform.domain.RaceRetry;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Raises, clears, acknowledges and lists the supervisors' alerts. */
@Service
@RequiredArgsConstructor
public class AlertDesk {

    private final Alerts alerts;
    private final AgendaItems items;
    private final ReactiveMongoTemplate mongo;
    private final RaceRetry raceRetry;
    private final Clock clock;

    /**
     * The alert this event raises, OPEN; a decision-overdue alert gets the branch of its office-meeting item. Empty
     * for events that raise none.
     */
    public Mono<Alert> alertFor(ClosedLoopEvent event) {
        return Mono.justOrEmpty(Alert.raisedBy(event))
                .flatMap(alert -> alert.branch() != null || alert.itemId() == null ? Mono.just(alert)
                        : items.findById(alert.itemId()).map(item -> alert.atBranch(item.branch())).defaultIfEmpty(alert));
    }

    /**
     * Stores a raised alert, once (its id is its cause's): an alert raised again changes nothing. An alert whose
     * ticket the dossier already shows resolved, or whose complaint is closed, is stored CLEARED, unless its kind stays
     * until acknowledged ({@link AlertKind#clearsWhenSettled()}).
     */
    public Mono<Alert> raise(Alert alert, Dossier dossier) {
        if (alert.kind().clearsWhenSettled()) {
            dossier.settledAt(alert.ticketId()).ifPresent(alert::clear);
        }
        // not retried on purpose: the alert's id is its cause's, so a duplicate key means it was raised already
        return alerts.insert(alert).onErrorResume(DuplicateKeyException.class, raisedBefore -> Mono.empty());
    }

    /** Clears the alerts of a resolved ticket. */
    public Mono<Void> clearTicket(String ticketId, Instant resolvedAt) {
        return clear(alerts.findByTicketIdAndStatusIn(ticketId, AlertStatus.UNCLEARED), resolvedAt);
    }

    /** Clears every alert of a closed complaint, except those that stay until acknowledged. */
    public Mono<Void> clearComplaint(String complaintId, Instant closedAt) {
        return clear(alerts.findByComplaintIdAndStatusIn(complaintId, AlertStatus.UNCLEARED), closedAt);
    }

    private Mono<Void> clear(Flux<Alert> found, Instant at) {
        return found.filter(alert -> alert.kind().clearsWhenSettled())
                .concatMap(alert -> raceRetry.retrying(() -> alerts.findById(alert.id())
                        .filter(fresh -> fresh.clear(at))
                        .flatMap(alerts::save)))
                .then();
    }

    /**
     * A supervisor acknowledges an alert; an alert acknowledged before keeps its first acknowledgement. Empty when
     * there is no such alert.
     *
     * @throws closedloop.platform.domain.IllegalTransition for a cleared alert nobody acknowledged
     */
    public Mono<Alert> acknowledge(String id, String actor) {
        return raceRetry.retrying(() -> alerts.findById(id)
                .flatMap(alert -> alert.acknowledge(actor, clock.instant()) ? alerts.save(alert) : Mono.just(alert)));
    }

    /** The alerts the filter selects, newest first (indexes {@code status_raisedAt}, {@code branch_status_raisedAt}). */
    public Flux<Alert> list(AlertFilter filter) {
        Criteria criteria = filter.status() == null ? where("status").in(AlertStatus.UNCLEARED)
                : where("status").is(filter.status());
        if (filter.branch() != null) {
            criteria = criteria.and("branch").is(filter.branch());
        }
        if (filter.level() != null) {
            criteria = criteria.and("level").is(filter.level());
        }
        if (filter.kind() != null) {
            criteria = criteria.and("kind").is(filter.kind());
        }
        if (filter.complaintId() != null) {
            criteria = criteria.and("complaintId").is(filter.complaintId());
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Direction.DESC, "raisedAt"))
                .limit(filter.limit());
        return mongo.find(query, Alert.class);
    }

    public Mono<Alert> find(String id) {
        return alerts.findById(id);
    }
}
