package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Replies from the phone the callback's survey went to named too many reply codes that no survey to it awaits, so its
 * survey takes no reply, not even with the right code, until {@code lockedUntil}; the customer may answer after
 * that. Told for each callback whose survey awaited a reply from that phone when it was locked.
 *
 * @param wrongCodes  how many wrong codes within the window locked it
 * @param lockedUntil until when the survey takes no reply from the phone
 * @param actor       who sent the wrong codes: {@code sms:<phone>}, as the survey's replies name their sender
 */
public record CallbackSurveyLocked(UUID eventId, Instant occurredAt, String complaintId, String callbackId,
                                   int wrongCodes, Instant lockedUntil, String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Callback survey locked until " + lockedUntil + " after " + wrongCodes + " wrong reply codes";
    }
}
