package closedloop.escalation.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the firing loop runs.
 *
 * @param scanInterval how often the clock board is looked at for due cases (real time, not the injected clock's);
 *                     it is also nudged when a case is scheduled earlier than everything else
 * @param batchSize    how many due cases one pass takes at most (loaded in one query, saved in one bulk write); a
 *                     full batch is followed by another pass at once
 * @param concurrency  after a bulk write lost a race, how many of its cases are loaded, fired and saved again one by
 *                     one at the same time
 */
@ConfigurationProperties("closedloop.escalation")
public record EscalationProperties(@DefaultValue("250ms") Duration scanInterval,
                                   @DefaultValue("1000") int batchSize,
                                   @DefaultValue("16") int concurrency) {
}
