package closedloop.notification.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often one phone is sent the registration acknowledgement.
 *
 * @param perPhoneInterval at most one acknowledgement SMS per phone within this interval, however many complaints are
 *                         registered for it; the others are recorded SUPPRESSED, saying why. {@code PT0S}
 *                         acknowledges every registration
 */
@ConfigurationProperties("closedloop.notification.acknowledgement")
public record AcknowledgementProperties(@DefaultValue("PT10M") Duration perPhoneInterval) {
}
