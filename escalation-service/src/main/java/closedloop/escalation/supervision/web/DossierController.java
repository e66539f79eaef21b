package closedloop.escalation.supervision.web;

import closedloop.escalation.supervision.Dossiers;
import closedloop.platform.web.Problems;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Any complaint's evidence pack, as the office meeting would see it. */
@RestController
@RequestMapping("/api/v1/dossiers")
@RequiredArgsConstructor
public class DossierController {

    private final Dossiers dossiers;
    private final Clock clock;

    @GetMapping("/{complaintId}")
    public Mono<Evidence> dossier(@PathVariable String complaintId) {
        return dossiers.findById(complaintId)
                .map(dossier -> Evidence.of(dossier, clock.instant()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("dossier", complaintId)));
    }
}
