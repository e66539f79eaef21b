package closedloop.intake.complaint;

import closedloop.contracts.CallbackCompleted;

/**
 * A callback read before the resolution of its ticket, which comes on another topic (router.ticket): the record is
 * retried, holding its partition of notification.contact, until the resolution has been applied
 * (docs/architecture.md §9.9). Nothing of it is stored meanwhile.
 */
public class ResolutionNotYetApplied extends RuntimeException {

    public ResolutionNotYetApplied(Complaint complaint, CallbackCompleted callback) {
        super("Complaint " + complaint.number() + " has not seen ticket " + callback.ticketId()
                + " resolved yet; its callback " + callback.callbackId() + " waits for it");
    }
}
