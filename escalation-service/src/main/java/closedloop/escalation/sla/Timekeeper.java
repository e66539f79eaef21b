package closedloop.escalation.sla;

import closedloop.escalation.calendar.CalendarChanged;
import org.springframework.context.event.EventListener;
import closedloop.platform.domain.RaceRetry;
import closedloop.platform.outbox.OutboxRelay;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fires the cases on the clock board that are due by the injected clock: loads a batch by id, fires it, saves it with
 * the version check (one bulk write) and puts each case back on the board at its next due instant. A save that lost
 * a race (the listener, an approval, or another instance that briefly held the partition during a rebalance) reloads
 * the case and evaluates it again, so each alert fires exactly once: the loser finds it fired already.
 */
@Service
@RequiredArgsConstructor
public class Timekeeper {

    /** The name of the periodic pass that fires the due cases, for tests that wait for it to run. */
    public static final String FIRING_PASS = "slaFiringPass";

    private static final Logger log = LoggerFactory.getLogger(Timekeeper.class);

    private final SlaCases cases;
    private final ClockBoard board;
    private final OutboxRelay relay;
    private final RaceRetry raceRetry;
    private final Clock clock;
    private final EscalationProperties properties;
    private final Recalendaring recalendaring;
    private volatile Runnable nudge = () -> { };

    /** One pass: fires what is due now; emits whether a full batch was taken (more may be due). */
    public Mono<Boolean> fireDue() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            List<ClockBoard.Due> due = board.takeDue(now.toEpochMilli(), properties.batchSize());
            if (due.isEmpty()) {
                return Mono.just(false);
            }
            return fireTogether(due, now).thenReturn(due.size() >= properties.batchSize());
        });
    }

    /**
     * Loads the due cases in one query, fires them and saves those that changed in one bulk write. If any of them
     * changed meanwhile, each case of the batch is then read, fired and saved again on its own; those the bulk write
     * saved find nothing new to fire.
     */
    private Mono<Void> fireTogether(List<ClockBoard.Due> due, Instant now) {
        Map<String, ClockBoard.Due> byId = due.stream()
                .collect(Collectors.toMap(ClockBoard.Due::complaintId, entry -> entry, (first, second) -> first));
        return cases.findAllById(byId.keySet()).collectList()
                .flatMap(found -> {
                    List<SlaCase> fired = found.stream().filter(slaCase -> changedBy(slaCase, now)).toList();
                    return cases.saveAll(fired).flatMap(allSaved -> {
                        relay.nudge(fired);
                        if (!allSaved) {
                            return Flux.fromIterable(due).flatMap(entry -> fire(entry, now), properties.concurrency())
                                    .then();
                        }
                        found.forEach(slaCase -> board.scheduleKeepingEarlier(slaCase.complaintId(),
                                byId.get(slaCase.complaintId()).partition(), epochMillis(slaCase.nextDueAt())));
                        return Mono.<Void>empty();
                    });
                })
                .onErrorResume(error -> {
                    log.warn("Could not fire {} cases; they stay due: {}", due.size(), error.toString());
                    due.forEach(entry -> board.scheduleKeepingEarlier(entry.complaintId(), entry.partition(),
                            entry.dueAt()));
                    return Mono.empty();
                });
    }

    /** Recounts the case on the current calendar if need be, then fires what is due; emits whether it changed. */
    private boolean changedBy(SlaCase slaCase, Instant now) {
        boolean recounted = recalendaring.bringUpToDate(slaCase, now);
        return slaCase.fire(now) || recounted;
    }

    /**
     * The business calendar changed: the cases of this board due in or after the first changed year are brought
     * forward to now, so that the firing loop recounts them (and tells of each moved deadline) soon; a case due
     * before is recounted when it falls due, which is before that year begins.
     */
    @EventListener
    public void calendarChanged(CalendarChanged changed) {
        if (changed.from() == null) {
            return;
        }
        int brought = board.bringForward(changed.from().toEpochMilli(), clock.instant().toEpochMilli());
        log.info("Calendar {} changed {}: {} cases due from {} on are recounted now", changed.key(), changed.years(),
                brought, changed.from());
        nudge.run();
    }

    /** Reads, fires and saves one case, reading it again after a lost race. */
    private Mono<Void> fire(ClockBoard.Due due, Instant now) {
        return raceRetry.retrying(() -> cases.findById(due.complaintId())
                        .flatMap(slaCase -> changedBy(slaCase, now)
                                ? cases.save(slaCase).doOnNext(saved -> relay.nudge(saved))
                                : Mono.just(slaCase)))
                .doOnNext(fired -> board.scheduleKeepingEarlier(fired.complaintId(), due.partition(),
                        epochMillis(fired.nextDueAt())))
                .then()
                .onErrorResume(error -> {
                    log.warn("Could not fire case {}; it stays due: {}", due.complaintId(), error.toString());
                    board.scheduleKeepingEarlier(due.complaintId(), due.partition(), due.dueAt());
                    return Mono.empty();
                });
    }

    /**
     * Puts a case the listener saved on the board at its next due instant (or takes it off), and nudges the firing
     * loop when it is now the earliest.
     */
    public void schedule(SlaCase saved) {
        if (board.schedule(saved.complaintId(), saved.partition(), epochMillis(saved.nextDueAt()))) {
            nudge.run();
        }
    }

    /** Asks the firing loop for a pass now. */
    void nudge() {
        nudge.run();
    }

    /** How to ask the firing loop for a pass now. */
    void nudgeWith(Runnable nudge) {
        this.nudge = nudge;
    }

    static Long epochMillis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
