package closedloop.router.routing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The branch names the person who handles a ticket. */
public record HandlerRequest(@NotBlank @Size(max = 100) String handler) {
}
