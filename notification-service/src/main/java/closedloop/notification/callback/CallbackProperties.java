package closedloop.notification.callback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The rules of the callback (回访) loop.
 *
 * @param assignee           the team that makes the callbacks; never the branch that resolved the ticket
 * @param attemptSpacing     the least time between two calls to the same customer
 * @param maxAttempts        how many failed calls send the SMS survey instead
 * @param surveyReplyWithin  how long the customer has to answer the SMS survey before the callback counts as
 *                           UNREACHABLE
 * @param replyCodeDigits    how many digits the survey's reply code has (4 to 6)
 * @param surveyPassInterval how often the pass runs that hands unsent surveys to the messenger and closes unanswered
 *                           ones
 */
@Validated
@ConfigurationProperties("closedloop.notification.callback")
public record CallbackProperties(@DefaultValue("hotline") @NotBlank String assignee,
                                 @DefaultValue("PT2H") Duration attemptSpacing,
                                 @DefaultValue("3") @Min(1) int maxAttempts,
                                 @DefaultValue("PT48H") Duration surveyReplyWithin,
                                 @DefaultValue("4") @Min(4) @Max(6) int replyCodeDigits,
                                 @DefaultValue("PT1M") Duration surveyPassInterval) {
}
