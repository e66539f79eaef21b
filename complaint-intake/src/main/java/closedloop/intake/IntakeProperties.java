package closedloop.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of complaint-intake.
 *
 * @param zone         the operator's time zone, whose calendar day a complaint number carries
 * @param replyWithin  how long after registration the customer is promised a reply (the agent reads it out)
 * @param repeatWindow how far back an earlier complaint of the same phone and category makes a new one a repeat;
 *                     an earlier complaint exactly this old still counts
 */
@ConfigurationProperties("closedloop.intake")
public record IntakeProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
                               @DefaultValue("PT24H") Duration replyWithin,
                               @DefaultValue("P30D") Duration repeatWindow) {
}
