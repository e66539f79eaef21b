package closedloop.escalation.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the escalation loop runs.
 *
 * @param scanInterval how often due clocks are looked for (real time, not the injected clock's)
 * @param batchSize    how many due clocks one pass fires at most; a full batch is followed by another pass at once
 */
@ConfigurationProperties("closedloop.escalation")
public record EscalationProperties(@DefaultValue("1s") Duration scanInterval,
                                   @DefaultValue("500") int batchSize) {
}
