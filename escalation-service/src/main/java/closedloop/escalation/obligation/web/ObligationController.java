package closedloop.escalation.obligation.web;

import closedloop.escalation.obligation.ObligationStatus;
import closedloop.escalation.obligation.Obligations;
import closedloop.platform.security.Actor;
import closedloop.platform.security.Caller;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/**
 * Promises made to customers, as obligations: listed by complaint (the agent at the callback), by branch (the
 * dispatcher, their own branches only) or by status (the supervisor); kept by the branch that owes them, with the
 * evidence; released by a supervisor with a reason. Every change is recorded with who and when, and told by an event.
 */
@RestController
@RequiredArgsConstructor
public class ObligationController {

    private final Obligations obligations;

    /** The obligations that match, soonest due first; a dispatcher sees only those of their own branches. */
    @GetMapping("/api/v1/obligations")
    public Flux<ObligationView> list(@RequestParam(required = false) String complaintId,
                                     @RequestParam(required = false) String branch,
                                     @RequestParam(required = false) String status,
                                     Caller caller) {
        if (complaintId == null && branch == null && status == null) {
            return Flux.error(Problems.invalidField("complaintId", "give complaintId, branch or status"));
        }
        if (status != null && Arrays.stream(ObligationStatus.values()).noneMatch(known -> known.name().equals(status))) {
            return Flux.error(Problems.invalidField("status", "must be one of " + String.join(", ",
                    Arrays.stream(ObligationStatus.values()).map(Enum::name).toList())));
        }
        if (branch != null && !caller.sees(branch)) {
            return Flux.error(Problems.forbidden("Branch " + branch + " is not yours"));
        }
        return obligations.find(complaintId, branch, status == null ? null : ObligationStatus.valueOf(status))
                .filter(obligation -> caller.sees(obligation.owedBy()))
                .map(ObligationView::of);
    }

    /** The branch kept the promise; a dispatcher records it for their own branches only. */
    @PostMapping("/api/v1/obligations/{id}/fulfilment")
    public Mono<ObligationView> fulfil(@PathVariable String id, @Valid @RequestBody FulfilmentRequest request,
                                       @Actor String actor, Caller caller) {
        return obligations.byId(id)
                .filter(obligation -> caller.sees(obligation.owedBy()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("obligation", id)))
                .flatMap(seen -> obligations.fulfil(id, request.reference().strip(),
                        request.note() == null ? null : request.note().strip(), actor))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("obligation", id)))
                .map(ObligationView::of);
    }

    /** A supervisor releases the branch from the promise. */
    @PostMapping("/api/v1/obligations/{id}/waiver")
    public Mono<ObligationView> waive(@PathVariable String id, @Valid @RequestBody WaiverRequest request,
                                      @Actor String actor) {
        return obligations.waive(id, request.reason().strip(), actor)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("obligation", id)))
                .map(ObligationView::of);
    }
}
