package closedloop.escalation.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the calendar knows: each year with its holidays and swapped working days, where it came from, and whether the
 * next year's is missing.
 *
 * @param nextYear           the year after today's, in the calendar's zone
 * @param nextYearHeld       false while next year counts as plain Monday–Friday weeks
 * @param nextYearMissing    true when next year's is missing and the warning period has begun (1 December by
 *                           default): supervisors and administrators are warned, and the metric
 *                           {@code closedloop_calendar_next_year_missing} is 1
 */
public record CalendarStatus(String region, ZoneId zone, List<Year> years, int nextYear, boolean nextYearHeld,
                             boolean nextYearMissing) {

    /**
     * One year the calendar knows.
     *
     * @param source     SHIPPED (a file that came with the service or from its folder) or UPLOADED
     * @param version    the uploaded version in force, null for a shipped year
     * @param uploadedAt when it was uploaded, null for a shipped year
     * @param uploadedBy who uploaded it, null for a shipped year
     */
    public record Year(int year, String source, Integer version, Instant uploadedAt, String uploadedBy) {

        static Year shipped(int year) {
            return new Year(year, "SHIPPED", null, null, null);
        }

        static Year uploaded(UploadedCalendar upload) {
            return new Year(upload.year(), "UPLOADED", upload.version(), upload.uploadedAt(), upload.uploadedBy());
        }
    }
}
