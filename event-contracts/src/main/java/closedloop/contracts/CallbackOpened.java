package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A callback task (回访) opened after resolution; the hotline must call the customer before it is due. */
public record CallbackOpened(UUID eventId, Instant occurredAt, String complaintId, String callbackId, String ticketId,
                             String branch, Instant dueAt) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Callback opened, due " + dueAt;
    }
}
