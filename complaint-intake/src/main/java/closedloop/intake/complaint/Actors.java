package closedloop.intake.complaint;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.ComplaintReopened;
import closedloop.contracts.ExtensionRequested;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.HandlerAssigned;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketNoteAdded;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketResumed;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.TicketWaitingOnCustomer;

/** Who did what an event tells, for the event types that name a person; the others are done by the system. */
final class Actors {

    private Actors() {
    }

    /** The event's {@code actor}, or null when its type names nobody. */
    static String of(ClosedLoopEvent event) {
        if (event instanceof ComplaintRegistered e) {
            return e.actor();
        } else if (event instanceof ComplaintClosed e) {
            return e.actor();
        } else if (event instanceof ComplaintReopened e) {
            return e.actor();
        } else if (event instanceof TicketAccepted e) {
            return e.actor();
        } else if (event instanceof TicketResolved e) {
            return e.actor();
        } else if (event instanceof TicketReturned e) {
            return e.actor();
        } else if (event instanceof TicketTransferred e) {
            return e.actor();
        } else if (event instanceof HandlerAssigned e) {
            return e.actor();
        } else if (event instanceof TicketNoteAdded e) {
            return e.actor();
        } else if (event instanceof FirstContactRecorded e) {
            return e.actor();
        } else if (event instanceof ExtensionRequested e) {
            return e.actor();
        } else if (event instanceof TicketWaitingOnCustomer e) {
            return e.actor();
        } else if (event instanceof TicketResumed e) {
            return e.actor();
        } else if (event instanceof CallbackCompleted e) {
            return e.actor();
        }
        return null;
    }
}
