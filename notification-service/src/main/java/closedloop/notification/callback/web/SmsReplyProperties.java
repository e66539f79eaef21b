package closedloop.notification.callback.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the SMS gateway proves that a call of {@code POST /api/v1/sms/replies} is its own: it signs each one with a
 * secret both sides share ({@link closedloop.platform.web.WebhookSignature}).
 *
 * @param secret             the shared secret, at least 16 characters; the value in {@code notification-service.yml}
 *                           is the embedded default's demo secret and every other installation must set its own
 * @param timestampTolerance how far the call's {@code X-Timestamp} may be from this service's clock, before or after;
 *                           a call further off is refused as a replay
 */
@Validated
@ConfigurationProperties("closedloop.notification.sms-reply")
public record SmsReplyProperties(@NotBlank @Size(min = 16) String secret,
                                 @DefaultValue("PT5M") Duration timestampTolerance) {

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "SmsReplyProperties[secret=******, timestampTolerance=" + timestampTolerance + "]";
    }
}
