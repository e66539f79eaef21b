package closedloop.escalation.supervision.web;

import closedloop.platform.web.IsoInstant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The office meeting's decision on an item.
 *
 * @param owner    who is to act (a person or a department)
 * @param deadline by when, an ISO-8601 instant in the future
 * @param note     what is to be done
 */
public record DecisionRequest(@NotBlank @Size(max = 200) String owner,
                              @NotNull @IsoInstant @FutureInstant String deadline,
                              @NotBlank @Size(max = 2000) String note) {
}
