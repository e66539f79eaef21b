package closedloop.router.routing.web;

import closedloop.contracts.ContactMethod;
import closedloop.platform.web.IsoInstant;
import closedloop.platform.web.OneOf;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The branch reached the customer for the first time (首次联系).
 *
 * @param contactedAt when; not in the future (checked against the service's clock by the controller)
 * @param method      how, a {@link ContactMethod}
 * @param result      what came of it
 */
public record FirstContactRequest(@NotNull @IsoInstant String contactedAt, @NotNull @OneOf(ContactMethod.class) String method,
                                  @NotBlank @Size(max = 500) String result) {
}
