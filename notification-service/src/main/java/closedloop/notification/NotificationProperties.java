package closedloop.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The notification service's settings.
 *
 * @param replyWithin the reply time promised to the customer when their complaint is registered
 * @param callbackDue how long after resolution the callback to the customer is due
 * @param zone        the operator's time zone, in which messages tell people a time
 */
@ConfigurationProperties("closedloop.notification")
public record NotificationProperties(@DefaultValue("PT24H") Duration replyWithin,
                                     @DefaultValue("PT24H") Duration callbackDue,
                                     @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
