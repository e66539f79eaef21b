package closedloop.escalation.sla.web;

import closedloop.escalation.sla.CaseUpdates;
import closedloop.escalation.sla.ExtensionOutOfLimits;
import closedloop.escalation.sla.ExtensionStatus;
import closedloop.escalation.sla.OwnExtension;
import closedloop.escalation.sla.SlaCase;
import closedloop.escalation.sla.SlaCases;
import closedloop.platform.security.Actor;
import closedloop.platform.web.OneOf;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;

/**
 * Extensions (延期) the branches asked for, for supervisors to approve or refuse. A decision on an extension that is
 * not PENDING, or whose ticket is no longer with its branch, answers 409 naming {@code currentState} and
 * {@code allowedActions}; an approval that breaks a limit (more than 2 per ticket, more than 10 working days in total,
 * past the outside deadline, not later than the current deadline) answers 422; deciding one's own request, 403.
 */
@RestController
@RequestMapping("/api/v1/extensions")
@RequiredArgsConstructor
public class ExtensionController {

    /** At most this many extensions are listed. */
    static final int MAX_LISTED = 500;

    private final SlaCases cases;
    private final CaseUpdates updates;

    /** The extensions in this status (every one when no status is given), newest request first. */
    @GetMapping
    public Flux<ExtensionView> extensions(@RequestParam(required = false) @OneOf(ExtensionStatus.class) String status) {
        ExtensionStatus wanted = status == null ? null : ExtensionStatus.valueOf(status);
        return cases.withExtensions(wanted, MAX_LISTED)
                .flatMapIterable(slaCase -> slaCase.extensions().stream()
                        .filter(extension -> wanted == null || extension.status() == wanted)
                        .map(extension -> ExtensionView.of(slaCase, extension)).toList())
                .sort(Comparator.comparing(ExtensionView::requestedAt).reversed())
                .take(MAX_LISTED);
    }

    /** Approves the extension, to the deadline requested or to the one in the body. */
    @PostMapping("/{id}/approve")
    public Mono<ExtensionView> approve(@PathVariable String id,
                                       @Valid @RequestBody(required = false) ApproveRequest request,
                                       @Actor String actor) {
        Instant deadline = request == null || request.deadline() == null ? null : Instant.parse(request.deadline());
        return answer(id, updates.approveExtension(id, deadline, actor));
    }

    /** Refuses the extension with a reason. */
    @PostMapping("/{id}/refuse")
    public Mono<ExtensionView> refuse(@PathVariable String id, @Valid @RequestBody RefuseRequest request,
                                      @Actor String actor) {
        return answer(id, updates.refuseExtension(id, request.reason().strip(), actor));
    }

    private Mono<ExtensionView> answer(String id, Mono<SlaCase> decided) {
        return decided
                .map(slaCase -> ExtensionView.of(slaCase, slaCase.extension(id).orElseThrow()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("extension", id)))
                .onErrorMap(ExtensionOutOfLimits.class, outOfLimits ->
                        Problems.unprocessable("Extension out of limits", outOfLimits.getMessage()))
                .onErrorMap(OwnExtension.class, own -> Problems.forbidden(own.getMessage()));
    }
}
