package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The hotline called the customer for a callback (回访) and recorded how the call went.
 *
 * @param attempt the number of this call for the callback, from 1
 */
public record CallbackAttempted(UUID eventId, Instant occurredAt, String complaintId, String callbackId,
                                int attempt, CallbackAttemptResult result, String note,
                                String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Callback call " + attempt + " by " + actor + ": " + result
                + (note == null || note.isBlank() ? "" : " (" + note + ")");
    }
}
