package closedloop.escalation.whatif.web;

import closedloop.escalation.whatif.WhatIf;
import closedloop.escalation.whatif.WhatIfReport;
import closedloop.platform.security.Actor;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * Policy what-if (预演) for supervisors: what a draft policy would have done to a window's tickets, per branch and
 * category, beside what happened. It publishes nothing and changes nothing, so it is logged, not audited.
 */
@RestController
@RequiredArgsConstructor
public class WhatIfController {

    private static final Logger log = LoggerFactory.getLogger(WhatIfController.class);

    private final WhatIf whatIf;
    private final Clock clock;

    /** Replays the window under the draft; 400 naming each bad field, nothing replayed. */
    @PostMapping("/api/v1/policies/what-if")
    public Mono<WhatIfReport> compare(@Valid @RequestBody WhatIfRequest request, @Actor String actor) {
        List<FieldError> errors = request.errors();
        if (!errors.isEmpty()) {
            return Mono.error(Problems.badRequest(errors));
        }
        log.info("What-if by {} over {} to {}", actor, request.from(), request.to());
        return whatIf.compare(request.policy().toPolicy(clock.instant(), actor), request.start(), request.end());
    }
}
