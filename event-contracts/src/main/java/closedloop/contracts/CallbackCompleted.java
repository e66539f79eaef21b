package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The hotline called the customer back and recorded what they said. */
public record CallbackCompleted(UUID eventId, Instant occurredAt, String complaintId, String callbackId,
                                String ticketId, CallbackOutcome outcome, String note,
                                String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Callback by " + actor + ": " + outcome + (note == null || note.isBlank() ? "" : " (" + note + ")");
    }
}
