package closedloop.intake.complaint.web;

import closedloop.intake.complaint.Complaint;
import closedloop.intake.complaint.ComplaintService;
import closedloop.intake.complaint.IdempotencyKeyReused;
import closedloop.intake.complaint.NewComplaint;
import closedloop.platform.security.Caller;
import closedloop.platform.web.Actor;
import closedloop.platform.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Registering complaints, searching them and reading one back with its timeline. */
@RestController
@RequestMapping("/api/v1/complaints")
public class ComplaintController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 100;

    private final ComplaintService complaints;
    private final RequestFingerprints fingerprints;

    public ComplaintController(ComplaintService complaints, ObjectMapper json) {
        this.complaints = complaints;
        this.fingerprints = new RequestFingerprints(json);
    }

    /**
     * Logs a complaint: 201 with its number, priority and promised reply time, and its address in {@code Location}.
     * With an {@code Idempotency-Key}, sending the same body again answers with the same complaint and creates
     * nothing; another body with that key is refused with 422.
     */
    @PostMapping
    public Mono<ResponseEntity<RegisteredComplaint>> register(@Valid @RequestBody RegisterComplaintRequest request,
            @Actor String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        NewComplaint details = request.toNewComplaint();
        String agent = request.agentOr(actor);
        Mono<Complaint> registered;
        if (key == null) {
            registered = complaints.register(details, agent);
        } else if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Mono.error(Problems.invalidField(IDEMPOTENCY_KEY,
                    "must be 1 to " + MAX_KEY_LENGTH + " characters, not blank"));
        } else {
            registered = complaints.register(details, agent, key, fingerprints.of(request));
        }
        return registered
                .map(complaint -> ResponseEntity.created(URI.create("/api/v1/complaints/" + complaint.id()))
                        .body(RegisteredComplaint.of(complaint)))
                .onErrorMap(IdempotencyKeyReused.class,
                        reused -> Problems.unprocessable("Idempotency-Key reused", reused.getMessage()));
    }

    /**
     * The complaint with its timeline; 404 when there is none with this id or, for a dispatcher, when it is not at a
     * branch of theirs.
     */
    @GetMapping("/{id}")
    public Mono<ComplaintView> complaint(@PathVariable String id, Caller caller) {
        return complaints.find(id)
                .filter(complaint -> caller.sees(complaint.branch()))
                .map(ComplaintView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("complaint", id)));
    }

    /** The complaints that match every given criterion, newest first, one page at a time. */
    @GetMapping
    public Mono<PageView> search(@Valid @ModelAttribute SearchComplaintsRequest search) {
        return complaints.search(search.toQuery()).map(PageView::of);
    }
}
