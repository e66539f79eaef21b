package closedloop.escalation.calendar.web;

import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.calendar.CalendarYear;
import closedloop.escalation.calendar.WorkingPeriod;
import closedloop.platform.web.FieldError;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year's calendar in the shape of the shipped files ({@code calendars/<region>-<year>.json}). Dates and times come
 * as text and are checked here, so that every bad entry is named at once rather than the first one Jackson meets.
 */
public record CalendarUploadRequest(Integer year, String zone, List<String> holidays, List<String> workingWeekends,
                                    List<PeriodBody> workingHours) {

    /** The earliest and latest year a calendar may be uploaded for. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** One working period, {@code HH:mm} to {@code HH:mm}. */
    public record PeriodBody(String from, String to) {
    }

    /**
     * Every fault, each named by its field: the region and year of the address, the year, zone and working hours the
     * region's calendar must share, each date that is malformed, outside the year or repeated, a swapped working day
     * that is not a Saturday or Sunday or is also a holiday.
     */
    List<FieldError> errors(String region, int pathYear, String calendarRegion, BusinessCalendar calendar) {
        List<FieldError> errors = new ArrayList<>();
        if (!calendarRegion.equals(region)) {
            errors.add(new FieldError("region", "must be " + calendarRegion + ", the region this service counts in"));
        }
        if (pathYear < FIRST_YEAR || pathYear > LAST_YEAR) {
            errors.add(new FieldError("year", "must be from " + FIRST_YEAR + " to " + LAST_YEAR));
        } else if (year == null) {
            errors.add(new FieldError("year", "is missing"));
        } else if (year != pathYear) {
            errors.add(new FieldError("year", "must be " + pathYear + ", the year of the address"));
        }
        zoneErrors(calendar, errors);
        Set<LocalDate> offDays = dates("holidays", holidays, pathYear, errors);
        Set<LocalDate> swapped = dates("workingWeekends", workingWeekends, pathYear, errors);
        swappedDayErrors(swapped, offDays, errors);
        hoursErrors(calendar, errors);
        return errors;
    }

    /** The year, once {@link #errors} found none. */
    CalendarYear toYear() {
        return new CalendarYear(year, ZoneId.of(zone), holidays.stream().map(LocalDate::parse).toList(),
                workingWeekends.stream().map(LocalDate::parse).toList(), workingHours.stream()
                .map(period -> new WorkingPeriod(LocalTime.parse(period.from()), LocalTime.parse(period.to())))
                .toList());
    }

    private void zoneErrors(BusinessCalendar calendar, List<FieldError> errors) {
        if (zone == null) {
            errors.add(new FieldError("zone", "is missing"));
            return;
        }
        try {
            if (!ZoneId.of(zone).equals(calendar.zone())) {
                errors.add(new FieldError("zone", "must be " + calendar.zone() + ", as every year of the region"));
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError("zone", "must be a time zone such as " + calendar.zone()));
        }
    }

    /** The list's dates that parse; each bad, foreign or repeated one named. */
    private static Set<LocalDate> dates(String field, List<String> texts, int year, List<FieldError> errors) {
        Set<LocalDate> dates = new HashSet<>();
        if (texts == null) {
            errors.add(new FieldError(field, "is missing (an empty list when there are none)"));
            return dates;
        }
        for (int i = 0; i < texts.size(); i++) {
            String name = field + "[" + i + "]";
            LocalDate date = parseDate(texts.get(i));
            if (date == null) {
                errors.add(new FieldError(name, "must be a date such as " + year + "-10-01"));
            } else if (date.getYear() != year) {
                errors.add(new FieldError(name, date + " is not in " + year));
            } else if (!dates.add(date)) {
                errors.add(new FieldError(name, "repeats " + date));
            }
        }
        return dates;
    }

    private void swappedDayErrors(Set<LocalDate> swapped, Set<LocalDate> offDays, List<FieldError> errors) {
        if (workingWeekends == null) {
            return;
        }
        for (int i = 0; i < workingWeekends.size(); i++) {
            LocalDate date = parseDate(workingWeekends.get(i));
            if (date == null || !swapped.contains(date)) {
                continue;
            }
            DayOfWeek day = date.getDayOfWeek();
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                errors.add(new FieldError("workingWeekends[" + i + "]", date + " is a " + day
                        + ", not a Saturday or Sunday"));
            } else if (offDays.contains(date)) {
                errors.add(new FieldError("workingWeekends[" + i + "]", date + " is a holiday too"));
            }
        }
    }

    private void hoursErrors(BusinessCalendar calendar, List<FieldError> errors) {
        if (workingHours == null || workingHours.isEmpty()) {
            errors.add(new FieldError("workingHours", "must list the working periods of a working day"));
            return;
        }
        List<WorkingPeriod> periods = new ArrayList<>();
        for (int i = 0; i < workingHours.size(); i++) {
            PeriodBody body = workingHours.get(i);
            LocalTime from = body == null ? null : parseTime(body.from());
            LocalTime to = body == null ? null : parseTime(body.to());
            if (from == null || to == null) {
                errors.add(new FieldError("workingHours[" + i + "]", "needs 'from' and 'to' such as 09:00"));
            } else if (!to.isAfter(from)) {
                errors.add(new FieldError("workingHours[" + i + "]", from + "-" + to + " does not end after it starts"));
            } else {
                periods.add(new WorkingPeriod(from, to));
            }
        }
        if (periods.size() == workingHours.size() && !periods.equals(calendar.workingHours())) {
            errors.add(new FieldError("workingHours", "must be " + calendar.workingHours()
                    + ", the working hours every year of the region shares"));
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime parseTime(String text) {
        try {
            return text == null ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
