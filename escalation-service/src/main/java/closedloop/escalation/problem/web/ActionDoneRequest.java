package closedloop.escalation.problem.web;

import jakarta.validation.constraints.Size;

/** How a corrective action was done, optionally. */
public record ActionDoneRequest(@Size(max = 2000) String note) {
}
