package closedloop.escalation.obligation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a supervisor releases the branch from a promise. */
public record WaiverRequest(@NotBlank @Size(max = 500) String reason) {
}
