package closedloop.escalation.sla;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEvent;
import closedloop.escalation.policy.PolicyBook;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.outbox.OutboxRelay;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies the router's ticket events to the SLA cases: loads the complaint's case (or opens it at its first
 * assignment), applies the event and saves it with the version check, then puts it on the clock board. A save that
 * lost a race is tried again on the fresh case, and so is an insert that found the case inserted meanwhile.
 * Extension decisions from supervisors go the same way.
 */
@Service
@RequiredArgsConstructor
public class CaseUpdates {

    private final SlaCases cases;
    private final PolicyBook policies;
    private final Deadlines deadlines;
    private final Timekeeper timekeeper;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final Clock clock;
    private final Recalendaring recalendaring;

    /**
     * Applies an event that arrived on the given partition of router.ticket; emits the saved case if it changed.
     * Only ticket events are about clocks; any other completes at once.
     */
    public Mono<SlaCase> apply(ClosedLoopEvent event, int partition) {
        return event instanceof TicketEvent ticketEvent ? apply(ticketEvent, partition) : Mono.empty();
    }

    private Mono<SlaCase> apply(TicketEvent event, int partition) {
        return raceRetry.retrying(() -> load(event, partition)
                        .flatMap(slaCase -> policyFor(slaCase, event)
                                .filter(policy -> recalendaring.bringUpToDate(slaCase, clock.instant())
                                        | slaCase.apply(event, partition, policy.orElse(null), deadlines))
                                .flatMap(changed -> cases.save(slaCase))))
                .doOnNext(saved -> {
                    timekeeper.schedule(saved);
                    relay.nudge(saved);
                });
    }

    private Mono<SlaCase> load(TicketEvent event, int partition) {
        Mono<SlaCase> existing = cases.findById(event.complaintId());
        if (event instanceof TicketAssigned) {
            return existing.switchIfEmpty(Mono.fromSupplier(() -> SlaCase.open(event.complaintId(), partition)));
        }
        return existing;
    }

    private Mono<Optional<TimeLimitPolicy>> policyFor(SlaCase slaCase, TicketEvent event) {
        if (event instanceof TicketAssigned assigned) {
            return policies.inForceAt(slaCase.policyInstant(assigned)).map(Optional::of);
        }
        return Mono.just(Optional.empty());
    }

    /** A supervisor approves an extension, to {@code deadline} or (null) the one requested; emits the saved case. */
    public Mono<SlaCase> approveExtension(String extensionId, Instant deadline, String actor) {
        return decide(extensionId, slaCase ->
                slaCase.approveExtension(extensionId, deadline, actor, clock.instant(), deadlines));
    }

    /** A supervisor refuses an extension with a reason; emits the saved case. */
    public Mono<SlaCase> refuseExtension(String extensionId, String reason, String actor) {
        return decide(extensionId, slaCase -> slaCase.refuseExtension(extensionId, reason, actor, clock.instant()));
    }

    /**
     * A decision on any instance: saved with the version check, but the clock board is left alone, since an approval
     * only moves deadlines later (see {@link ClockBoard}).
     */
    private Mono<SlaCase> decide(String extensionId, Consumer<SlaCase> decision) {
        return raceRetry.retrying(() -> cases.findByExtension(extensionId)
                        .flatMap(slaCase -> {
                            decision.accept(slaCase);
                            return cases.save(slaCase);
                        }))
                .doOnNext(saved -> relay.nudge(saved));
    }
}
