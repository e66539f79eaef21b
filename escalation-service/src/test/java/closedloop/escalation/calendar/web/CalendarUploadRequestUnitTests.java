package closedloop.escalation.calendar.web;

import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.calendar.BusinessCalendars;
import closedloop.escalation.calendar.CalendarYear;
import closedloop.escalation.calendar.web.CalendarUploadRequest.PeriodBody;
import closedloop.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks on an uploaded year, against the region's shipped calendar (CN: Asia/Shanghai, 09:00–12:00, 13:30–18:00). */
class CalendarUploadRequestUnitTests {

    private static final BusinessCalendar CN = BusinessCalendars.fromClasspath("CN");
    private static final List<PeriodBody> HOURS = List.of(new PeriodBody("09:00", "12:00"),
            new PeriodBody("13:30", "18:00"));

    @Test
    void acceptsAYearInTheShapeOfTheShippedFiles() {
        CalendarUploadRequest request = new CalendarUploadRequest(2027, "Asia/Shanghai",
                List.of("2027-01-01", "2027-10-01"), List.of("2027-10-09"), HOURS);

        assertThat(request.errors("CN", 2027, "CN", CN)).isEmpty();
        CalendarYear year = request.toYear();
        assertThat(year.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(year.holidays()).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 10, 1));
        assertThat(year.workingWeekends()).containsExactly(LocalDate.of(2027, 10, 9));
    }

    @Test
    void namesEachBadDateOnce() {
        CalendarUploadRequest request = new CalendarUploadRequest(2027, "Asia/Shanghai",
                List.of("2027-01-01", "1 May", "2026-12-31", "2027-01-01"),
                List.of("2027-10-08", "2027-10-09", "2027-01-01"), HOURS);

        // 2027-10-08 is a Friday; 2027-01-01 a Friday too, and also a holiday: its weekday is named first
        assertThat(request.errors("CN", 2027, "CN", CN)).containsExactly(
                new FieldError("holidays[1]", "must be a date such as 2027-10-01"),
                new FieldError("holidays[2]", "2026-12-31 is not in 2027"),
                new FieldError("holidays[3]", "repeats 2027-01-01"),
                new FieldError("workingWeekends[0]", "2027-10-08 is a FRIDAY, not a Saturday or Sunday"),
                new FieldError("workingWeekends[2]", "2027-01-01 is a FRIDAY, not a Saturday or Sunday"));
    }

    @Test
    void refusesASwappedWorkingDayThatIsAlsoAHoliday() {
        CalendarUploadRequest request = new CalendarUploadRequest(2027, "Asia/Shanghai", List.of("2027-10-09"),
                List.of("2027-10-09"), HOURS);

        assertThat(request.errors("CN", 2027, "CN", CN)).containsExactly(
                new FieldError("workingWeekends[0]", "2027-10-09 is a holiday too"));
    }

    @Test
    void holdsTheYearZoneAndHoursToTheAddressAndTheRegion() {
        CalendarUploadRequest request = new CalendarUploadRequest(2028, "Europe/Berlin", List.of(), List.of(),
                List.of(new PeriodBody("08:00", "12:00"), new PeriodBody("14:00", "13:00")));

        assertThat(request.errors("DE", 2027, "CN", CN)).extracting(FieldError::field).containsExactly(
                "region", "year", "zone", "workingHours[1]");
        assertThat(new CalendarUploadRequest(2027, "Asia/Shanghai", List.of(), List.of(),
                List.of(new PeriodBody("08:00", "17:00"))).errors("CN", 2027, "CN", CN)).containsExactly(
                new FieldError("workingHours", "must be [09:00-12:00, 13:30-18:00], the working hours every year of "
                        + "the region shares"));
    }

    @Test
    void namesWhatIsMissing() {
        CalendarUploadRequest request = new CalendarUploadRequest(null, null, null, null, null);

        assertThat(request.errors("CN", 2027, "CN", CN)).extracting(FieldError::field).containsExactly(
                "year", "zone", "holidays", "workingWeekends", "workingHours");
        assertThat(new CalendarUploadRequest(2027, "Mars/Olympus", List.of(), List.of(), HOURS)
                .errors("CN", 2027, "CN", CN)).containsExactly(
                new FieldError("zone", "must be a time zone such as Asia/Shanghai"));
        assertThat(new CalendarUploadRequest(1999, "Asia/Shanghai", List.of(), List.of(), HOURS)
                .errors("CN", 1999, "CN", CN)).containsExactly(new FieldError("year", "must be from 2000 to 2100"));
    }
}
