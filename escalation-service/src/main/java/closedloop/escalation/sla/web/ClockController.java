package closedloop.escalation.sla.web;

import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.sla.SlaCases;
import closedloop.platform.security.Caller;
import closedloop.platform.web.Problems;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A complaint's clocks, for supervisors and for the dispatchers of the branch that holds it. */
@RestController
@RequestMapping("/api/v1/clocks")
@RequiredArgsConstructor
public class ClockController {

    private final SlaCases cases;
    private final BusinessCalendar calendar;

    /** The clocks of the complaint; 404 when no ticket of it was dispatched yet or it is another branch's. */
    @GetMapping("/{complaintId}")
    public Mono<CaseClocksView> clocks(@PathVariable String complaintId, Caller caller) {
        return cases.findById(complaintId)
                .filter(slaCase -> caller.sees(slaCase.ticket() == null ? null : slaCase.ticket().branch()))
                .map(slaCase -> CaseClocksView.of(slaCase, calendar))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("complaint clocks", complaintId)));
    }
}
