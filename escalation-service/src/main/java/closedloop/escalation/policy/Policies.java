package closedloop.escalation.policy;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The published versions of the time-limit policy, one document each, keyed by version. */
public interface Policies extends ReactiveMongoRepository<TimeLimitPolicy, Integer> {

    /** The highest version effective by {@code at} (index on {@code effectiveFrom}; versions are few). */
    Mono<TimeLimitPolicy> findFirstByEffectiveFromLessThanEqualOrderByVersionDesc(Instant at);

    /** The highest version, whenever effective. */
    Mono<TimeLimitPolicy> findFirstByOrderByVersionDesc();

    /** The highest version published from the settings. */
    Mono<TimeLimitPolicy> findFirstByPublishedByOrderByVersionDesc(String publishedBy);

    /** Every version, newest first. */
    Flux<TimeLimitPolicy> findAllByOrderByVersionDesc();
}
