package closedloop.escalation.problem.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How the problem was solved, and whether every linked complaint's customer is to be told by SMS.
 */
public record CloseProblemRequest(@NotBlank @Size(max = 2000) String resolution, boolean notifyCustomers) {
}
