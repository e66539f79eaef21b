package closedloop.escalation.supervision.web;

import closedloop.escalation.supervision.Agenda;
import closedloop.escalation.supervision.AgendaItem;
import closedloop.escalation.supervision.Dossier;
import closedloop.escalation.supervision.Dossiers;
import closedloop.platform.security.Actor;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The office meeting (办公会): its agenda of major unresolved complaints, each with its evidence pack, and the
 * decisions it records on them, with who recorded them.
 */
@RestController
@RequestMapping("/api/v1/office-meeting")
@RequiredArgsConstructor
public class AgendaController {

    private final Agenda agenda;
    private final Dossiers dossiers;
    private final Clock clock;

    /** The items not yet DONE, oldest escalation first, each with its complaint's evidence. */
    @GetMapping("/agenda")
    public Flux<AgendaEntry> agenda() {
        return agenda.onTheAgenda().collectList().flatMapMany(this::withEvidence);
    }

    /** One item, also when DONE. */
    @GetMapping("/items/{id}")
    public Mono<AgendaEntry> item(@PathVariable String id) {
        return agenda.find(id).flatMapMany(item -> withEvidence(List.of(item))).next()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("office-meeting item", id)));
    }

    /**
     * Records the meeting's decision on an item (OPEN or DECIDED → DECIDED; a later decision replaces the one in
     * force) and tells {@code OfficeMeetingDecided}. A DONE item answers 409.
     */
    @PostMapping("/items/{id}/decision")
    public Mono<AgendaEntry> decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request,
                                    @Actor String actor) {
        return agenda.decide(id, request.owner().strip(), Instant.parse(request.deadline()), request.note().strip(),
                        actor)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("office-meeting item", id)))
                .flatMapMany(item -> withEvidence(List.of(item))).next();
    }

    /** The items joined with their complaints' dossiers, read in one query. */
    private Flux<AgendaEntry> withEvidence(List<AgendaItem> items) {
        if (items.isEmpty()) {
            return Flux.empty();
        }
        Instant now = clock.instant();
        return dossiers.findAllById(items.stream().map(AgendaItem::complaintId).distinct().toList())
                .collectMap(Dossier::complaintId, Function.identity())
                .flatMapMany(found -> Flux.fromIterable(items).map(item -> AgendaEntry.of(item,
                        evidence(found, item.complaintId(), now))));
    }

    private static Evidence evidence(Map<String, Dossier> dossiers, String complaintId, Instant now) {
        Dossier dossier = dossiers.get(complaintId);
        return dossier == null ? Evidence.none(complaintId) : Evidence.of(dossier, now);
    }
}
