package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The hotline called the customer back and recorded what they said, or the customer answered the SMS survey, or did
 * not answer it in time (UNREACHABLE).
 *
 * @param survey the customer's answers to the survey; null when they gave none
 */
public record CallbackCompleted(UUID eventId, Instant occurredAt, String complaintId, String callbackId,
                                String ticketId, CallbackOutcome outcome, String note,
                                String actor, SurveyAnswers survey) implements ClosedLoopEvent {

    /** A callback without survey answers (the v1 fields before they were added). */
    public CallbackCompleted(UUID eventId, Instant occurredAt, String complaintId, String callbackId, String ticketId,
                             CallbackOutcome outcome, String note, String actor) {
        this(eventId, occurredAt, complaintId, callbackId, ticketId, outcome, note, actor, null);
    }

    @Override
    public String summary() {
        return "Callback by " + actor + ": " + outcome + (note == null || note.isBlank() ? "" : " (" + note + ")");
    }
}
