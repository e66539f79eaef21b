package closedloop.escalation.obligation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** How the branch kept a promise: the evidence (e.g. the refund's reference) and an optional note. */
public record FulfilmentRequest(@NotBlank @Size(max = 100) String reference, @Size(max = 500) String note) {
}
