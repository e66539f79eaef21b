package closedloop.escalation.calendar;

/**
 * The calendar counts with other years from now on (an upload here or, seen at a refresh, through another
 * instance): the deadlines counted on the calendar before may move.
 *
 * @param key   the calendar's key now ({@link BusinessCalendar#key})
 * @param years the years whose data changed
 * @param from  the start of the first of them in the calendar's zone; null when none changed
 */
public record CalendarChanged(String key, java.util.Set<Integer> years, java.time.Instant from) {
}
