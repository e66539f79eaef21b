package closedloop.notification.callback;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * When guessing reply codes locks a phone's survey: {@code wrongCodes} replies from one phone within {@code within}
 * naming a code that no survey to that phone awaits lock its survey for {@code lockFor}.
 *
 * @param wrongCodes how many wrong reply codes from one phone lock its survey
 * @param within     the window in which they count
 * @param lockFor    how long the survey then takes no reply from the phone, not even with the right code
 */
@Validated
@ConfigurationProperties("closedloop.notification.sms-reply.lockout")
public record SurveyLockoutProperties(@DefaultValue("5") @Min(1) int wrongCodes,
                                      @DefaultValue("PT1H") Duration within,
                                      @DefaultValue("PT1H") Duration lockFor) {
}
