package closedloop.escalation.policy;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import closedloop.platform.domain.RaceRetry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The versions of the time-limit policy (docs/architecture.md §4), and which one is in force at a given instant: of the
 * versions whose {@code effectiveFrom} is not after it, the highest. Versions are published, never changed.
 * <p>
 * The {@code closedloop.sla} settings seed version 1. When they change later, the next start publishes them as a new
 * version effective at once — unless somebody has published a version through the admin endpoint since, in which case
 * the settings are ignored with a warning (the published data wins over a stale environment).
 */
@Service
@RequiredArgsConstructor
public class PolicyBook implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PolicyBook.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Policies policies;
    private final SlaProperties settings;
    private final RaceRetry raceRetry;
    private final Clock clock;

    /** The version in force at {@code registeredAt}. */
    public Mono<TimeLimitPolicy> inForceAt(Instant registeredAt) {
        return policies.findFirstByEffectiveFromLessThanEqualOrderByVersionDesc(registeredAt)
                .switchIfEmpty(Mono.defer(() -> policies.findAllByOrderByVersionDesc().last()))
                .switchIfEmpty(Mono.fromSupplier(() -> TimeLimitPolicy.fromSettings(1, Instant.EPOCH, settings)));
    }

    /** Every version, newest first. */
    public Flux<TimeLimitPolicy> versions() {
        return policies.findAllByOrderByVersionDesc();
    }

    /** One version. */
    public Mono<TimeLimitPolicy> version(int version) {
        return policies.findById(version);
    }

    /**
     * Publishes {@code draft}'s limits as the next version, effective from {@code effectiveFrom} (which the caller
     * checked is not in the past). Two publications at once: the second fails with {@link DuplicateKeyException}.
     */
    public Mono<TimeLimitPolicy> publish(TimeLimitPolicy draft, Instant effectiveFrom, String actor, String note) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return policies.findFirstByOrderByVersionDesc()
                .map(TimeLimitPolicy::version)
                .defaultIfEmpty(0)
                .flatMap(latest -> policies.insert(draft.publishedAs(latest + 1, now,
                        effectiveFrom.truncatedTo(ChronoUnit.MILLIS), actor, note)))
                .doOnNext(published -> log.info("Time-limit policy v{} published by {}, effective from {}: {}",
                        published.version(), actor, published.effectiveFrom(), note));
    }

    /** Seeds from the settings at start; an instance that lost the race to seed reads what the winner published. */
    @Override
    public void afterSingletonsInstantiated() {
        raceRetry.retrying(this::seedFromSettings).block(STARTUP_TIMEOUT);
    }

    /** Publishes the settings when the store has no version, or when they changed since they were last published. */
    Mono<Void> seedFromSettings() {
        TimeLimitPolicy configured = TimeLimitPolicy.fromSettings(1, Instant.EPOCH, settings);
        return policies.findFirstByOrderByVersionDesc()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(latest -> latest.isEmpty()
                        ? policies.insert(configured).then()
                        : reconcile(latest.get(), configured));
    }

    private Mono<Void> reconcile(TimeLimitPolicy latest, TimeLimitPolicy configured) {
        return policies.findFirstByPublishedByOrderByVersionDesc(TimeLimitPolicy.CONFIGURATION)
                .defaultIfEmpty(latest)
                .flatMap(lastConfigured -> {
                    if (lastConfigured.sameLimitsAs(configured)) {
                        return Mono.empty();
                    }
                    if (!TimeLimitPolicy.CONFIGURATION.equals(latest.publishedBy())) {
                        log.warn("The closedloop.sla settings differ from policy v{}, but v{} was published by {} "
                                + "since; the settings are ignored", lastConfigured.version(), latest.version(),
                                latest.publishedBy());
                        return Mono.empty();
                    }
                    return publish(configured, clock.instant(), TimeLimitPolicy.CONFIGURATION,
                            "closedloop.sla settings changed");
                })
                .then();
    }
}
