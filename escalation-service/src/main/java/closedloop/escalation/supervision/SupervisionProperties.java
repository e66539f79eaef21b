package closedloop.escalation.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How supervision's views run.
 *
 * @param decisionScanInterval how often office-meeting decisions are checked for a passed deadline (real time; the
 *                             deadline is compared with the injected clock)
 * @param heartbeat            how often the live alert stream sends a comment, so that proxies keep it open
 * @param agendaSize           at most this many items are on one agenda, oldest escalation first
 * @param liveBuffer           alerts kept for a slow live-stream subscriber before the oldest are dropped
 */
@ConfigurationProperties("closedloop.supervision")
public record SupervisionProperties(@DefaultValue("1s") Duration decisionScanInterval,
                                    @DefaultValue("15s") Duration heartbeat,
                                    @DefaultValue("200") int agendaSize,
                                    @DefaultValue("256") int liveBuffer) {
}
