package closedloop.escalation.supervision;

import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.Collection;

/** The office-meeting items. */
public interface AgendaItems extends ReactiveMongoRepository<AgendaItem, String> {

    /** Items in these statuses, oldest escalation first (index {@code status_escalatedAt}). */
    Flux<AgendaItem> findByStatusInOrderByEscalatedAtAsc(Collection<AgendaStatus> statuses, Limit limit);

    /**
     * Decided items whose decision is due by {@code now} and not yet told overdue: by the waiting marker
     * {@value AgendaItem#AWAITING_DECISION_DEADLINE} (a sparse index, which the embedded default's store serves) and
     * the index {@code status_decisionDue} (real MongoDB).
     */
    default Flux<AgendaItem> decisionsDueBy(Instant now, Limit limit) {
        return findByAwaitingDecisionDeadlineExistsAndStatusAndDecisionDueLessThanEqual(true, AgendaStatus.DECIDED,
                now, limit);
    }

    /** Items with or without the waiting marker, in this status, due by {@code now}; see {@link #decisionsDueBy}. */
    Flux<AgendaItem> findByAwaitingDecisionDeadlineExistsAndStatusAndDecisionDueLessThanEqual(
            boolean waiting, AgendaStatus status, Instant now, Limit limit);

    /** A complaint's items in these statuses (index {@code complaintId_status}). */
    Flux<AgendaItem> findByComplaintIdAndStatusIn(String complaintId, Collection<AgendaStatus> statuses);
}
