package closedloop.escalation.calendar;

import closedloop.platform.PeriodicPass;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The business calendar of the region set by {@code closedloop.calendar.region} (default CN): the years read from
 * {@code closedloop.calendar.directory} when that is set (calendars edited without a release), else the ones shipped
 * on the classpath, and over them the years administrators uploaded ({@link CalendarBook}), which every instance looks
 * for at each refresh interval.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    ShippedCalendar shippedCalendar(CalendarProperties properties) {
        String region = properties.region();
        return new ShippedCalendar(region, properties.directory().isBlank()
                ? BusinessCalendars.yearsOnClasspath(region)
                : BusinessCalendars.yearsInDirectory(Path.of(properties.directory()), region));
    }

    /** The calendar every deadline is computed on; the book gives it the uploaded years at start and when they change. */
    @Bean
    BusinessCalendar businessCalendar(ShippedCalendar shipped) {
        return BusinessCalendars.merge(shipped.region(), shipped.years());
    }

    /** 1 while next year's calendar is missing and the warning period has begun; the alert rules watch it. */
    @Bean
    Gauge nextYearMissingGauge(CalendarBook book, MeterRegistry registry) {
        return Gauge.builder("closedloop.calendar.next.year.missing", book, b -> b.nextYearMissing() ? 1 : 0)
                .description("1 while next year's business calendar is missing from the warning day on (1 December)")
                .tag("region", book.region())
                .register(registry);
    }

    @Bean(CalendarBook.REFRESH_PASS)
    PeriodicPass calendarRefresh(CalendarBook book, CalendarProperties properties) {
        return new PeriodicPass("Calendar refresh", properties.refreshInterval(), () -> book.refresh().map(changed -> false));
    }
}
