package closedloop.escalation.league.web;

import closedloop.escalation.league.LeagueProperties;
import closedloop.escalation.league.LeagueTable;
import closedloop.escalation.league.LeagueTables;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The branch league table (docs/architecture.md §7) for supervisors; docs/league-table.md defines every figure. */
@RestController
@RequestMapping("/api/v1/branches/league")
@RequiredArgsConstructor
public class LeagueController {

    private final LeagueTables tables;
    private final LeagueProperties properties;

    /**
     * Every branch's figures over the tickets dispatched in {@code [from, to)}; {@code to} defaults to now and
     * {@code from} to 30 days before {@code to}. Bad parameters are a 400 problem+json naming them.
     */
    @GetMapping
    public Mono<LeagueTableResponse> league(@RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to) {
        return Mono.defer(() -> {
            Instant now = tables.now();
            LeagueWindow window = LeagueWindow.of(from, to, now, properties);
            return tables.standings(window.from(), window.to(), now)
                    .map(standings -> new LeagueTableResponse(window.from(), window.to(), now,
                            LeagueTable.ORDER_DESCRIBED, standings));
        });
    }
}
