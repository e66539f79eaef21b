package closedloop.contracts;

/**
 * An event about one ticket (工单) of a complaint: everything on {@code router.ticket}, and the SLA events of
 * {@code escalation.sla} that follow one ticket's clocks, extensions and escalations. Its ticket id is never null.
 * The callback events name the ticket they follow too, but are about the callback, so they are not ticket events.
 */
public interface TicketEvent extends ClosedLoopEvent {

    /** The ticket the event is about. */
    String ticketId();
}
