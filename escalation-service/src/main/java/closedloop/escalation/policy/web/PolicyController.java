package closedloop.escalation.policy.web;

import closedloop.escalation.policy.PolicyBook;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.platform.security.Actor;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time-limit policy's versions for everyone to read, and publishing a new version for administrators. A new
 * version applies to complaints registered from its {@code effectiveFrom} on; tickets already running keep theirs.
 */
@RestController
@RequiredArgsConstructor
public class PolicyController {

    private final PolicyBook book;
    private final Clock clock;

    /** Every version, newest first. */
    @GetMapping("/api/v1/policies")
    public Flux<PolicyView> versions() {
        return book.versions().map(PolicyView::of);
    }

    /** The version complaints registered now are measured against. */
    @GetMapping("/api/v1/policies/current")
    public Mono<PolicyView> current() {
        return book.inForceAt(clock.instant()).map(PolicyView::of);
    }

    /** One version. */
    @GetMapping("/api/v1/policies/{version}")
    public Mono<PolicyView> version(@PathVariable int version) {
        return book.version(version)
                .map(PolicyView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("policy version", String.valueOf(version))));
    }

    /** Publishes a new version (admin); 201 with the version as stored. */
    @PostMapping("/api/v1/admin/policies")
    public Mono<ResponseEntity<PolicyView>> publish(@Valid @RequestBody PublishPolicyRequest request,
                                                    @Actor String actor) {
        Instant now = clock.instant();
        Instant effectiveFrom = request.effectiveFrom() == null ? now : Instant.parse(request.effectiveFrom());
        List<FieldError> errors = new ArrayList<>(request.coverageErrors());
        if (effectiveFrom.isBefore(now)) {
            errors.add(new FieldError("effectiveFrom", "must not be in the past"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.badRequest(errors));
        }
        TimeLimitPolicy draft = new TimeLimitPolicy(0, effectiveFrom, now, actor, request.note(),
                request.rules().stream().map(RuleBody::toRule).toList(),
                request.outside().stream().map(OutsideBody::toRule).toList());
        return book.publish(draft, effectiveFrom, actor, request.note())
                .map(published -> ResponseEntity.created(URI.create("/api/v1/policies/" + published.version()))
                        .body(PolicyView.of(published)))
                // not retried on purpose: publishing again would silently make the draft the version after the one
                // published at the same moment, which its author has not seen
                .onErrorMap(DuplicateKeyException.class, race -> Problems.conflict("Published concurrently",
                        "Another version was published at the same moment; read the current one and try again"));
    }
}
