package closedloop.escalation.whatif.web;

import closedloop.escalation.policy.web.DraftPolicyBody;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.IsoInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if (预演): the draft policy, and the window of complaints to replay under it, those first dispatched at or
 * after {@code from} and before {@code to}.
 */
public record WhatIfRequest(@NotNull @Valid DraftPolicyBody policy, @NotNull @IsoInstant String from,
                            @NotNull @IsoInstant String to) {

    /** The longest window one what-if may replay. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(92);

    /** What Bean Validation cannot see: the draft's coverage, and a window that is empty or too long. */
    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>(policy.coverageErrors("policy."));
        if (!start().isBefore(end())) {
            errors.add(new FieldError("from", "must be before to (" + end() + ")"));
        } else if (Duration.between(start(), end()).compareTo(LONGEST_WINDOW) > 0) {
            errors.add(new FieldError("from", "must be at most " + LONGEST_WINDOW.toDays() + " days before to ("
                    + end() + ")"));
        }
        return errors;
    }

    Instant start() {
        return Instant.parse(from);
    }

    Instant end() {
        return Instant.parse(to);
    }
}
