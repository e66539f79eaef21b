package closedloop.escalation.problem.web;

import closedloop.contracts.Category;
import closedloop.escalation.problem.ProblemKind;
import closedloop.escalation.problem.ProblemStatus;
import closedloop.escalation.problem.Problem;
import closedloop.escalation.problem.ProblemDesk;
import closedloop.platform.web.Problems;
import closedloop.platform.security.Actor;
import closedloop.platform.security.Caller;
import closedloop.platform.web.FieldError;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Problems (问题单) and their corrective actions (整改措施): listed and read by staff (a complaint's problem too, so a
 * branch sees that one fix answers many); opened by hand, linked, planned, put on the office meeting's agenda and
 * closed by supervisors; an action recorded done by its owner's dispatcher or a supervisor. Every change is recorded
 * with who and when, and told by events.
 */
@RestController
@RequiredArgsConstructor
public class ProblemController {

    private static final String WHAT = "problem";

    private final ProblemDesk problems;

    /** Problems newest first: of a status, those on the agenda, or the one a complaint is linked to. */
    @GetMapping("/api/v1/problems")
    public Flux<ProblemView> list(@RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "false") boolean agenda,
                                  @RequestParam(required = false) String complaintId) {
        if (complaintId != null) {
            return problems.ofComplaint(complaintId).map(ProblemView::of).flux();
        }
        if (status != null && Arrays.stream(ProblemStatus.values()).noneMatch(known -> known.name().equals(status))) {
            return Flux.error(Problems.invalidField("status", "must be one of "
                    + String.join(", ", Arrays.stream(ProblemStatus.values()).map(Enum::name).toList())));
        }
        return problems.find(status == null ? null : ProblemStatus.valueOf(status), agenda).map(ProblemView::of);
    }

    @GetMapping("/api/v1/problems/{id}")
    public Mono<ProblemView> one(@PathVariable String id) {
        return found(problems.byId(id), id);
    }

    /** A supervisor opens a problem by hand; each complaint that cannot be linked is named ({@code complaintIds[i]}). */
    @PostMapping("/api/v1/problems")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ProblemView> open(@Valid @RequestBody OpenProblemRequest request, @Actor String actor) {
        List<String> ids = request.complaintIds().stream().map(String::strip).toList();
        return linkable(ids, null)
                .then(problems.open(ProblemKind.of(Category.valueOf(request.category()), request.district().strip()),
                        request.title().strip(), ids, actor))
                .map(ProblemView::of);
    }

    /** A supervisor links more complaints by hand. */
    @PostMapping("/api/v1/problems/{id}/complaints")
    public Mono<ProblemView> link(@PathVariable String id, @Valid @RequestBody LinkComplaintsRequest request,
                                  @Actor String actor) {
        List<String> ids = request.complaintIds().stream().map(String::strip).toList();
        return found(problems.byId(id), id)
                .flatMap(problem -> linkable(ids, id))
                .then(found(problems.link(id, ids, actor), id));
    }

    /** A supervisor adds a corrective action. */
    @PostMapping("/api/v1/problems/{id}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ProblemView> plan(@PathVariable String id, @Valid @RequestBody PlanActionRequest request,
                                  @Actor String actor) {
        return found(problems.plan(id, request.what().strip(), request.owner().strip(), Instant.parse(request.dueAt()),
                actor), id);
    }

    /** The action's owner (a dispatcher of that branch) or a supervisor records it done. */
    @PostMapping("/api/v1/problems/{id}/actions/{actionId}/done")
    public Mono<ProblemView> done(@PathVariable String id, @PathVariable String actionId,
                                  @Valid @RequestBody(required = false) ActionDoneRequest request,
                                  @Actor String actor, Caller caller) {
        String note = request == null || request.note() == null || request.note().isBlank() ? null
                : request.note().strip();
        return problems.byId(id)
                .flatMap(problem -> Mono.justOrEmpty(problem.action(actionId)))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("corrective action",
                        actionId)))
                .flatMap(action -> caller.sees(action.owner()) ? problems.done(id, actionId, note, actor)
                        : Mono.error(Problems.forbidden("Action " + actionId
                                + " is owed by " + action.owner() + ", not by a branch of yours")))
                .map(ProblemView::of);
    }

    /** A supervisor puts the problem on the office meeting's agenda; one there already stays as it is. */
    @PostMapping("/api/v1/problems/{id}/agenda")
    public Mono<ProblemView> putOnAgenda(@PathVariable String id, @Valid @RequestBody AgendaRequest request,
                                         @Actor String actor) {
        return found(problems.putOnAgenda(id, request.reason().strip(), actor), id);
    }

    /** A supervisor closes the problem once every action is done (else 409 naming them). */
    @PostMapping("/api/v1/problems/{id}/close")
    public Mono<ProblemView> close(@PathVariable String id, @Valid @RequestBody CloseProblemRequest request,
                                   @Actor String actor) {
        return found(problems.close(id, request.resolution().strip(), request.notifyCustomers(), actor), id);
    }

    private static Mono<ProblemView> found(Mono<Problem> problem, String id) {
        return problem.switchIfEmpty(Mono.error(() -> Problems.notFound(WHAT, id)))
                .map(ProblemView::of);
    }

    /** Completes when every complaint can be linked; else a 400 naming each that cannot. */
    private Mono<Void> linkable(List<String> ids, String except) {
        return problems.whyNotLinkable(ids, except).flatMap(reasons -> reasons.isEmpty() ? Mono.empty()
                : Mono.error(Problems.badRequest(reasons.entrySet().stream()
                        .map(reason -> new FieldError("complaintIds[" + reason.getKey() + "]", reason.getValue()))
                        .toList())));
    }
}
