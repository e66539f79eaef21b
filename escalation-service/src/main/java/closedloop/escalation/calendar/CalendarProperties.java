package closedloop.escalation.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

/**
 * The business calendar's settings.
 *
 * @param region                the calendar region whose files and uploads apply (CN)
 * @param directory             a folder of {@code <region>-<year>.json} files read instead of the shipped ones; none
 *                              when blank
 * @param nextYearWarningFrom   from which day of the year ({@code MM-DD}, 12-01) a missing calendar for next year is
 *                              warned about
 * @param refreshInterval       how often an instance looks for years uploaded through another instance (PT1M)
 */
@ConfigurationProperties("closedloop.calendar")
public record CalendarProperties(String region, String directory, String nextYearWarningFrom,
                                 Duration refreshInterval) {

    public CalendarProperties {
        region = region == null || region.isBlank() ? "CN" : region;
        directory = directory == null ? "" : directory;
        nextYearWarningFrom = nextYearWarningFrom == null ? "12-01" : nextYearWarningFrom;
        refreshInterval = refreshInterval == null ? Duration.ofMinutes(1) : refreshInterval;
        warningFrom(nextYearWarningFrom);
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("closedloop.calendar.refresh-interval must be positive, not "
                    + refreshInterval);
        }
    }

    /** The day of the year from which a missing calendar for next year is warned about. */
    public MonthDay warningFrom() {
        return warningFrom(nextYearWarningFrom);
    }

    private static MonthDay warningFrom(String text) {
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("closedloop.calendar.next-year-warning-from must be MM-DD, e.g. 12-01, "
                    + "not " + text, e);
        }
    }
}
