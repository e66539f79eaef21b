package closedloop.escalation.sla.web;

import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.Priority;
import closedloop.escalation.sla.SlaCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The clocks of one complaint: its current ticket's three and, for regulator and 12315 complaints, the OUTSIDE one.
 *
 * @param pausedAt  since when the ticket waits on the customer; null when it does not
 * @param level2    why the current ticket reached level 2, if it did
 * @param nextDueAt when something falls due next; null when nothing will
 */
public record CaseClocksView(String complaintId, String ticketId, String branch, Channel channel, Category category,
                             Priority priority, Integer policyVersion, int reopenCount, Instant pausedAt,
                             String pauseReason, EscalationReason level2, Instant nextDueAt, List<ClockView> clocks) {

    /** The case's clocks, each marked provisional when its deadline was counted over a year the calendar lacks. */
    public static CaseClocksView of(SlaCase slaCase, BusinessCalendar calendar) {
        List<ClockView> clocks = new ArrayList<>();
        boolean recountDue = !slaCase.calendarKey().equals(calendar.key());
        var ticket = slaCase.ticket();
        if (ticket != null) {
            ticket.clocks().forEach(clock -> clocks.add(ClockView.of(clock, slaCase.policyVersion(), calendar,
                    recountDue)));
        }
        if (slaCase.outside() != null) {
            clocks.add(ClockView.of(slaCase.outside(), slaCase.policyVersion(), calendar, recountDue));
        }
        return new CaseClocksView(slaCase.complaintId(), ticket == null ? null : ticket.ticketId(),
                ticket == null ? null : ticket.branch(), slaCase.channel(), slaCase.category(), slaCase.priority(),
                slaCase.policyVersion(), slaCase.reopenCount(), ticket == null ? null : ticket.pausedAt(),
                ticket == null ? null : ticket.pauseReason(), ticket == null ? null : ticket.level2(),
                slaCase.nextDueAt(), clocks);
    }
}
