package closedloop.intake.complaint.web;

import closedloop.intake.complaint.ComplaintService;
import closedloop.platform.web.Problems;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Registering complaints and reading them back with their timeline. */
@RestController
@RequestMapping("/api/v1/complaints")
public class ComplaintController {

    static final String ACTOR = "X-Actor";

    private final ComplaintService complaints;

    public ComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    /** Logs a complaint: 201 with its number, and its address in {@code Location}. */
    @PostMapping
    public Mono<ResponseEntity<RegisteredComplaint>> register(@Valid @RequestBody RegisterComplaintRequest request,
            @RequestHeader(name = ACTOR, defaultValue = "anonymous") String actor) {
        return complaints.register(request.toNewComplaint(), actor.isBlank() ? "anonymous" : actor.strip())
                .map(complaint -> ResponseEntity.created(URI.create("/api/v1/complaints/" + complaint.id()))
                        .body(RegisteredComplaint.of(complaint)));
    }

    /** The complaint with its timeline; 404 when there is none with this id. */
    @GetMapping("/{id}")
    public Mono<ComplaintView> complaint(@PathVariable String id) {
        return complaints.find(id)
                .map(ComplaintView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("complaint", id)));
    }
}
