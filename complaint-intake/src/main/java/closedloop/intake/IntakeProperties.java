package closedloop.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * Settings of complaint-intake.
 *
 * @param zone the operator's time zone, whose calendar day a complaint number carries
 */
@ConfigurationProperties("closedloop.intake")
public record IntakeProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
