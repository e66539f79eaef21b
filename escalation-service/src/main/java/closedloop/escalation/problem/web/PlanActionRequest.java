package closedloop.escalation.problem.web;

import closedloop.escalation.supervision.web.FutureInstant;
import closedloop.platform.web.IsoInstant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A corrective action (整改措施) for a problem.
 *
 * @param owner who is to do it; a dispatcher of a branch of that code may record it done
 * @param dueAt by when, an ISO-8601 instant in the future
 */
public record PlanActionRequest(@NotBlank @Size(max = 2000) String what, @NotBlank @Size(max = 100) String owner,
                                @NotNull @IsoInstant @FutureInstant String dueAt) {
}
