package closedloop.escalation.sla;

import closedloop.contracts.ClockKind;
import closedloop.contracts.TicketAssigned;
import closedloop.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Instant;

/**
 * Starts, stops and fires the SLA clocks. Every operation is idempotent: starting is an insert with the clock's
 * deterministic id, stopping and firing are versioned saves that apply only to a RUNNING clock, and a save that lost a
 * race to another instance is dropped (firing) or tried again on the fresh document (stopping).
 */
@Service
public class Timekeeper {

    private static final Logger log = LoggerFactory.getLogger(Timekeeper.class);

    private final SlaClocks clocks;
    private final ResolveLimits limits;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int batchSize;

    public Timekeeper(SlaClocks clocks, SlaProperties sla, EscalationProperties escalation, OutboxRelay relay,
                      Clock clock) {
        this.clocks = clocks;
        this.limits = new ResolveLimits(sla);
        this.relay = relay;
        this.clock = clock;
        this.batchSize = escalation.batchSize();
    }

    /** Starts the resolve clock of a dispatched ticket; emits false when it had been started already. */
    public Mono<Boolean> start(TicketAssigned assigned) {
        SlaClock started = SlaClock.startResolve(assigned, limits.resolve(assigned.category(), assigned.priority()));
        return clocks.insert(started)
                .doOnNext(saved -> relay.nudge())
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, repeat -> {
                    log.debug("Clock {} started already; {} skipped", started.id(), assigned.eventId());
                    return Mono.just(false);
                });
    }

    /**
     * Stops the resolve clock of a ticket that left its branch's hands — resolved, returned or transferred (the next
     * ticket has a clock of its own) — if it is still running; emits whether it stopped it.
     */
    public Mono<Boolean> stop(String ticketId, Instant at) {
        String id = SlaClock.idOf(ticketId, ClockKind.RESOLVE);
        return Mono.defer(() -> clocks.findById(id)
                        .filter(SlaClock::isRunning)
                        .flatMap(running -> {
                            running.stop(at);
                            return clocks.save(running);
                        }))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance))
                .map(stopped -> true)
                .defaultIfEmpty(false);
    }

    /** Fires every clock due by the injected clock's now; emits how many this instance fired. */
    public Mono<Integer> escalateDue() {
        return escalateBatch()
                .expand(fired -> fired >= batchSize ? escalateBatch() : Mono.empty())
                .reduce(0, Integer::sum)
                .doOnNext(fired -> {
                    if (fired > 0) {
                        relay.nudge();
                    }
                });
    }

    private Mono<Integer> escalateBatch() {
        return Mono.defer(() -> {
            var now = clock.instant();
            return clocks.findByStateAndDeadlineLessThanEqualOrderByDeadlineAsc(ClockState.RUNNING, now,
                            Limit.of(batchSize))
                    .concatMap(due -> escalate(due, now))
                    .count()
                    .map(Long::intValue);
        });
    }

    private Mono<SlaClock> escalate(SlaClock due, Instant now) {
        due.escalate(now);
        return clocks.save(due)
                .onErrorResume(OptimisticLockingFailureException.class, lostRace -> {
                    log.debug("Clock {} changed meanwhile (fired or stopped elsewhere); skipped", due.id());
                    return Mono.empty();
                });
    }
}
