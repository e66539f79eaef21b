package closedloop.escalation.problem.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a supervisor puts a problem on the office meeting's agenda. */
public record AgendaRequest(@NotBlank @Size(max = 2000) String reason) {
}
