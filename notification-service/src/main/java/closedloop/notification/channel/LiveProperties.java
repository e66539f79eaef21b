package closedloop.notification.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The live channel's settings.
 *
 * @param heartbeat how often an open stream gets a {@code :heartbeat} comment, so that proxies keep it open
 * @param buffer    how many messages a slow subscriber may fall behind before it loses its oldest ones
 */
@ConfigurationProperties("closedloop.notification.live")
public record LiveProperties(@DefaultValue("PT15S") Duration heartbeat, @DefaultValue("256") int buffer) {
}
