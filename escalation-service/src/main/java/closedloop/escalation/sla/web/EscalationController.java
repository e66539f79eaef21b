package closedloop.escalation.sla.web;

import closedloop.escalation.sla.SlaClocks;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The escalations fired so far, newest first, for supervisors. */
@RestController
@RequestMapping("/api/v1/escalations")
public class EscalationController {

    /** At most this many escalations are listed; a supervisor reads the newest. */
    static final int MAX_LISTED = 500;

    private final SlaClocks clocks;

    public EscalationController(SlaClocks clocks) {
        this.clocks = clocks;
    }

    /** Every escalation (the newest {@value #MAX_LISTED}), or those of one complaint. */
    @GetMapping
    public Flux<EscalationView> escalations(@RequestParam(required = false) String complaintId) {
        var fired = complaintId == null
                ? clocks.findByEscalatedAtNotNullOrderByEscalatedAtDesc(Limit.of(MAX_LISTED))
                : clocks.findByComplaintIdAndEscalatedAtNotNullOrderByEscalatedAtDesc(complaintId, Limit.of(MAX_LISTED));
        return fired.map(EscalationView::of);
    }
}
