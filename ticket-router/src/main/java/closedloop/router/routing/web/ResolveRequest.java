package closedloop.router.routing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The branch resolves a ticket.
 *
 * @param resolution what was done and why it happened
 */
public record ResolveRequest(@NotBlank @Size(max = 2000) String resolution) {
}
