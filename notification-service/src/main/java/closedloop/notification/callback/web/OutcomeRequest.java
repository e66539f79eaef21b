package closedloop.notification.callback.web;

import closedloop.contracts.CallbackOutcome;
import closedloop.platform.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the customer said when called back.
 *
 * @param outcome one of {@link CallbackOutcome}
 * @param note    what else they said, optional
 * @param survey  their answers to the survey questions, optional
 */
public record OutcomeRequest(@NotNull @OneOf(CallbackOutcome.class) String outcome,
                             @Size(max = 1000) String note,
                             @Valid SurveyRequest survey) {
}
