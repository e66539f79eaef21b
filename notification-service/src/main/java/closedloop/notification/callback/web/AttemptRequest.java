package closedloop.notification.callback.web;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.platform.web.OneOf;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How one call to the customer went.
 *
 * @param result one of {@link CallbackAttemptResult}
 * @param note   what the agent noted, optional
 */
public record AttemptRequest(@NotNull @OneOf(CallbackAttemptResult.class) String result,
                             @Size(max = 1000) String note) {
}
