package closedloop.router.routing.web;

import closedloop.platform.web.IsoInstant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The branch asks for more time (延期).
 *
 * @param requestedDeadline the deadline it asks for; in the future (checked against the service's clock)
 */
public record ExtensionRequest(@NotBlank @Size(max = 500) String reason, @NotNull @IsoInstant String requestedDeadline) {
}
