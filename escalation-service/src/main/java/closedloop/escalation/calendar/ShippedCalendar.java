package closedloop.escalation.calendar;

import java.util.List;

/** The calendar years that came with the service (or from the configured folder), before any upload. */
public record ShippedCalendar(String region, List<CalendarYear> years) {

    public ShippedCalendar {
        years = List.copyOf(years);
    }
}
