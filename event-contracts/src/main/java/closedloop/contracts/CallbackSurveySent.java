package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Every call of a callback failed, so the customer was sent the survey by SMS; their reply by {@code replyBy} counts
 * as the callback, no reply as UNREACHABLE.
 */
public record CallbackSurveySent(UUID eventId, Instant occurredAt, String complaintId, String callbackId,
                                 Instant replyBy) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Callback survey sent by SMS, reply by " + replyBy;
    }
}
