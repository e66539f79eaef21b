package closedloop.notification.message;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When customers get no SMS, on the wall clock of the operator's zone ({@code closedloop.notification.zone}).
 *
 * @param start when the quiet hours begin, {@code HH:mm}
 * @param end   when they end, {@code HH:mm}; before the start when they span midnight; equal to it for none
 */
@ConfigurationProperties("closedloop.notification.quiet-hours")
public record QuietHoursProperties(@DefaultValue("21:00") @DateTimeFormat(pattern = "HH:mm") LocalTime start,
                                   @DefaultValue("08:00") @DateTimeFormat(pattern = "HH:mm") LocalTime end) {

    /** The quiet hours on the wall clock of this zone. */
    public QuietHours in(ZoneId zone) {
        return new QuietHours(start, end, zone);
    }
}
