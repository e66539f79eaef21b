package closedloop.escalation.sla;

import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

import java.time.Instant;

/** The SLA clocks, one document per ticket and clock kind. */
public interface SlaClocks extends ReactiveMongoRepository<SlaClock, String> {

    /** Running clocks due by {@code now}, earliest first (index {@code state_deadline}). */
    Flux<SlaClock> findByStateAndDeadlineLessThanEqualOrderByDeadlineAsc(ClockState state, Instant now, Limit limit);

    /** Clocks that fired, newest first (index on {@code escalatedAt}). */
    Flux<SlaClock> findByEscalatedAtNotNullOrderByEscalatedAtDesc(Limit limit);

    /** One complaint's clocks that fired, newest first (index on {@code complaintId}). */
    Flux<SlaClock> findByComplaintIdAndEscalatedAtNotNullOrderByEscalatedAtDesc(String complaintId, Limit limit);
}
