package closedloop.router.routing.web;

import closedloop.contracts.RootCause;
import closedloop.platform.web.OneOf;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The branch resolves a ticket with the three principles of complaint handling.
 *
 * @param resolution       what was done for the customer
 * @param rootCause        why it happened, a {@link RootCause}
 * @param responsibleParty who is responsible for it
 */
public record ResolveRequest(@NotBlank @Size(max = 2000) String resolution,
                             @NotNull @OneOf(RootCause.class) String rootCause,
                             @NotBlank @Size(max = 200) String responsibleParty) {
}
