package closedloop.escalation.problem.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Complaints a supervisor links to a problem by hand, each known and not in another open problem. */
public record LinkComplaintsRequest(
        @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 100) String> complaintIds) {
}
