package closedloop.router.routing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The dispatch desk sends a ticket to a branch (dispatch or transfer); the branch must be active in the directory. */
public record BranchRequest(@NotBlank @Size(max = 64) String branch) {
}
