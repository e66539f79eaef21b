package closedloop.escalation.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The business calendar of the region set by {@code closedloop.calendar.region} (default CN), read from
 * {@code closedloop.calendar.directory} when that is set (calendars edited without a release), else from the ones
 * shipped on the classpath.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    BusinessCalendar businessCalendar(@Value("${closedloop.calendar.region:CN}") String region,
                                      @Value("${closedloop.calendar.directory:}") String directory) {
        return directory.isBlank()
                ? BusinessCalendars.fromClasspath(region)
                : BusinessCalendars.fromDirectory(Path.of(directory), region);
    }
}
