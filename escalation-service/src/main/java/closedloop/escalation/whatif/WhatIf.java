package closedloop.escalation.whatif;

import closedloop.contracts.TicketEvent;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.escalation.sla.Deadlines;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Policy what-if (预演): replays the recorded ticket history of every complaint first dispatched in a window under a
 * draft policy ({@link Replay}), up to now, and sets what it would have fired beside the warnings and escalations
 * that happened. It reads the histories and nothing else; no clock, case or topic is touched. The replays run on the
 * parallel scheduler, one complaint at a time each.
 */
@Service
@RequiredArgsConstructor
public class WhatIf {

    private final TicketHistories histories;
    private final Deadlines deadlines;
    private final Clock clock;

    /** What {@code draft} would have done to the complaints first dispatched from {@code from} to before {@code to}. */
    public Mono<WhatIfReport> compare(TimeLimitPolicy draft, Instant from, Instant to) {
        Instant now = clock.instant();
        Replay replay = new Replay(deadlines);
        return histories.firstDispatchedBetween(from, to)
                .parallel()
                .runOn(Schedulers.parallel())
                .map(history -> {
                    List<TicketEvent> events = history.inOrder();
                    return new Tally.Compared(events, replay.under(draft, history.complaintId(), events, now),
                            Rungs.of(events));
                })
                .sequential()
                .reduceWith(Tally::new, Tally::add)
                .map(tally -> tally.report(from, to, now));
    }
}
