package closedloop.escalation.supervision;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

import java.util.Collection;

/** The alerts; listing with filters is in {@link AlertDesk}. */
public interface Alerts extends ReactiveMongoRepository<Alert, String> {

    /** A ticket's alerts in these statuses (index {@code ticketId_status}). */
    Flux<Alert> findByTicketIdAndStatusIn(String ticketId, Collection<AlertStatus> statuses);

    /** A complaint's alerts in these statuses (index {@code complaintId_status}). */
    Flux<Alert> findByComplaintIdAndStatusIn(String complaintId, Collection<AlertStatus> statuses);
}
