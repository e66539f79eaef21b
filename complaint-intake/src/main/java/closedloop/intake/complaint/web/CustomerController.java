package closedloop.intake.complaint.web;

import closedloop.intake.complaint.ComplaintService;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A customer's history: has this caller complained before? */
@RestController
@RequiredArgsConstructor
public class CustomerController {

    private final ComplaintService complaints;

    /** The customer's complaints, newest first, one page at a time; the phone comes from the path. */
    @GetMapping("/api/v1/customers/{phone}/complaints")
    public Mono<PageView> complaints(@Valid @ModelAttribute CustomerComplaintsRequest request) {
        return complaints.search(request.toQuery()).map(PageView::of);
    }
}
