package closedloop.escalation.sla.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A supervisor refuses an extension (延期).
 *
 * @param reason why; the branch reads it
 */
public record RefuseRequest(@NotBlank @Size(max = 500) String reason) {
}
