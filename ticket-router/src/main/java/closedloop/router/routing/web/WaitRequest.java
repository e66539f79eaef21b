package closedloop.router.routing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The branch waits on the customer, saying why. */
public record WaitRequest(@NotBlank @Size(max = 500) String reason) {
}
