package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A message about the complaint left the system. */
public record MessageSent(UUID eventId, Instant occurredAt, String complaintId, String messageId, String recipient,
                          String channel, String purpose) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return purpose + " sent by " + channel + " to " + recipient;
    }
}
