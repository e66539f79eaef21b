package closedloop.escalation.sla;

import closedloop.escalation.calendar.CalendarBook;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Brings an SLA case up to date with the business calendar after a year was uploaded (docs/sla-engine.md, "The
 * business calendar"): the listener and the firing loop ask it before they do anything else with a case, so no rung
 * ever fires by a deadline counted on the calendar before. (The firing loop also looks at every case due in the
 * changed years as soon as the calendar changes: {@link Timekeeper#calendarChanged}.)
 */
@Component
@RequiredArgsConstructor
public class Recalendaring {

    private final CalendarBook calendars;
    private final Deadlines deadlines;

    /**
     * Recounts the case's deadlines on the calendar as it is now if they were counted on another; emits whether it
     * changed. A case counted on a calendar this instance cannot rebuild yet (an upload not read here yet) waits.
     */
    public boolean bringUpToDate(SlaCase slaCase, Instant now) {
        if (slaCase.calendarKey().equals(deadlines.calendarKey())) {
            return false;
        }
        return calendars.calendarFor(slaCase.calendarKey())
                .map(before -> slaCase.recalendar(before, now, deadlines))
                .orElse(false);
    }
}
