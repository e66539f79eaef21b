package closedloop.escalation.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The content of one calendar file ({@code <region>-<year>.json}): the year, its zone, its public holidays, its
 * swapped working days (weekend dates that are worked) and the working periods of a working day.
 */
public record CalendarYear(Integer year, ZoneId zone, List<LocalDate> holidays, List<LocalDate> workingWeekends,
        List<WorkingPeriod> workingHours) {

    /** Refuses missing fields and dates outside the year. */
    public CalendarYear {
        require(year != null, "'year' is missing");
        require(zone != null, "'zone' is missing");
        require(holidays != null, "'holidays' is missing");
        require(workingWeekends != null, "'workingWeekends' is missing");
        require(workingHours != null, "'workingHours' is missing");
        holidays = List.copyOf(holidays);
        workingWeekends = List.copyOf(workingWeekends);
        workingHours = WorkingPeriod.day(workingHours);
        for (LocalDate date : holidays) {
            require(date.getYear() == year, "holiday " + date + " is not in " + year);
        }
        for (LocalDate date : workingWeekends) {
            require(date.getYear() == year, "swapped working day " + date + " is not in " + year);
        }
    }

    private static void require(boolean condition, String fault) {
        if (!condition) {
            throw new IllegalArgumentException(fault);
        }
    }
}
