package closedloop.router.routing.web;

import closedloop.contracts.ReturnReason;
import closedloop.platform.web.OneOf;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The branch gives a ticket back (退单).
 *
 * @param reason why, a {@link ReturnReason}
 * @param text   the reason in words; required when the reason is {@code OTHER} (checked by the controller)
 */
public record ReturnRequest(@NotNull @OneOf(ReturnReason.class) String reason, @Size(max = 500) String text) {
}
