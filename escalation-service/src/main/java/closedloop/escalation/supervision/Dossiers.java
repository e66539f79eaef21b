package closedloop.escalation.supervision;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** The complaints' dossiers, by complaint id. */
public interface Dossiers extends ReactiveMongoRepository<Dossier, String> {
}
