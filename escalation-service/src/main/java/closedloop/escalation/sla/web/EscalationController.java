package closedloop.escalation.sla.web;

import closedloop.escalation.sla.SlaCase;
import closedloop.escalation.sla.SlaCases;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.util.Comparator;

/** The escalations fired so far, newest first, for supervisors. */
@RestController
@RequestMapping("/api/v1/escalations")
@RequiredArgsConstructor
public class EscalationController {

    /** At most this many escalations are listed; a supervisor reads the newest. */
    static final int MAX_LISTED = 500;

    private final SlaCases cases;

    /**
     * Every escalation (the newest {@value #MAX_LISTED}), or those of one complaint. The newest escalations belong to
     * at most as many cases with the latest {@code lastEscalatedAt}, so reading those cases is enough.
     */
    @GetMapping
    public Flux<EscalationView> escalations(@RequestParam(required = false) String complaintId) {
        Flux<SlaCase> fired = complaintId == null ? cases.lastEscalated(MAX_LISTED) : cases.findById(complaintId).flux();
        return fired.flatMapIterable(slaCase -> slaCase.escalations().stream()
                        .map(escalation -> EscalationView.of(slaCase.complaintId(), escalation)).toList())
                .sort(Comparator.comparing(EscalationView::at).thenComparing(EscalationView::level).reversed())
                .take(MAX_LISTED);
    }
}
