package closedloop.escalation.league;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Computes league tables from the facts, with the time of the injected clock as "now". */
@Service
@RequiredArgsConstructor
public class LeagueTables {

    private final LeagueFacts facts;
    private final LeagueProperties properties;
    private final Clock clock;

    /** The table of the tickets dispatched in {@code [from, to)}, judged at {@code now}. */
    public Mono<List<BranchStanding>> standings(Instant from, Instant to, Instant now) {
        return Mono.defer(() -> {
            LeagueTable table = new LeagueTable(now, properties.excludedBranches());
            return facts.dispatchedBetween(from, to).doOnNext(table::addDispatched)
                    .thenMany(facts.open().doOnNext(table::addOpen))
                    .thenMany(Flux.defer(() -> facts.obligations(table.complaintIds())
                            .doOnNext(table::addObligation)))
                    .then(Mono.defer(() -> facts.complaints(table.complaintIds())
                            .collectMap(ComplaintFact::complaintId)))
                    .map(table::standings);
        });
    }

    /** Now, by the injected clock. */
    public Instant now() {
        return clock.instant();
    }
}
