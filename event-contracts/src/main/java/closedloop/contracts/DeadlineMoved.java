package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A clock's deadline moved because the business calendar it was counted on changed: a year's calendar was uploaded
 * and the working time still left on the clock now falls on other days.
 *
 * @param clock            the clock whose deadline moved (OUTSIDE for the complaint's outside clock)
 * @param previousDeadline the deadline counted on the calendar before
 * @param calendar         the calendar counted on now, as its uploaded years name it (e.g. {@code CN-2027-v1})
 */
public record DeadlineMoved(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                            ClockKind clock, Instant previousDeadline, Instant deadline,
                            String calendar) implements TicketEvent {

    @Override
    public String summary() {
        return "The " + clock + " deadline of branch " + branch + " moved from " + previousDeadline + " to " + deadline
                + ": business calendar " + calendar;
    }
}
