package closedloop.intake.complaint.web;

import closedloop.intake.complaint.Complaint;
import closedloop.intake.complaint.ComplaintService;
import closedloop.intake.complaint.IdempotencyKeyReused;
import closedloop.intake.complaint.NewComplaint;
import closedloop.platform.security.Actor;
import closedloop.platform.security.Caller;
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

/**
 * Registering complaints, searching them and reading one back with its timeline. A search by the customer's phone (the
 * customer's history) is a {@code POST} of the criteria to {@code /api/v1/complaints/_search}, as FHIR's
 * {@code _search} does, so that the phone never appears in a URL (docs/architecture.md §9.10).
 */
@RestController
@RequestMapping("/api/v1/complaints")
public class ComplaintController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 100;
    static final String PHONE_NOT_IN_URL = "must not be in the URL: POST the search to /api/v1/complaints/_search";

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

    /**
     * The complaints that match every criterion given as a query parameter, newest first, one page at a time; a
     * {@code phone} parameter is refused (400) rather than ignored: the phone goes in the body of {@link #search}.
     */
    @GetMapping
    public Mono<PageView> list(@Valid @ModelAttribute SearchComplaintsRequest search) {
        if (search.phone() != null) {
            return Mono.error(Problems.invalidField("phone", PHONE_NOT_IN_URL));
        }
        return complaints.search(search.toQuery()).map(PageView::of);
    }

    /**
     * The complaints that match every criterion of the body, newest first, one page at a time; with only a
     * {@code phone}, the customer's history while they are still on the line.
     */
    @PostMapping("/_search")
    public Mono<PageView> search(@Valid @RequestBody SearchComplaintsRequest search) {
        return complaints.search(search.toQuery()).map(PageView::of);
    }
}
