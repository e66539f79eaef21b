package closedloop.intake.complaint;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** The stored complaints. */
public interface Complaints extends ReactiveMongoRepository<Complaint, String> {
}
