package closedloop.escalation.calendar;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One year's calendar as an administrator uploaded it: a version of that year, never changed once stored. Of a year's
 * versions the highest applies, and it replaces the shipped file of that year, if there is one.
 *
 * @param id         {@code <region>-<year>-v<version>}, so two uploads of one version at once cannot both be stored
 * @param content    the year in the shape of its calendar file
 * @param uploadedBy who uploaded it
 */
@Document(UploadedCalendar.COLLECTION)
public record UploadedCalendar(@Id String id, @Indexed String region, int year, int version, String content,
                               Instant uploadedAt, String uploadedBy) {

    public static final String COLLECTION = "calendar_uploads";

    /** Version {@code version} of a year, with its content. */
    static UploadedCalendar of(String region, CalendarYear year, int version, Instant at, String by) {
        return new UploadedCalendar(region + "-" + year.year() + "-v" + version, region, year.year(), version,
                BusinessCalendars.write(year), at, by);
    }

    /** The year it holds. */
    public CalendarYear calendarYear() {
        return BusinessCalendars.read(id, region, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
