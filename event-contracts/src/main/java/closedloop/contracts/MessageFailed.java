package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert: a message about the complaint could not be delivered, however often it was tried, before it grew too old
 * to be worth sending.
 *
 * @param attempts  how often delivery was tried
 * @param lastError what the channel said the last time
 */
public record MessageFailed(UUID eventId, Instant occurredAt, String complaintId, String messageId, String recipient,
                            String channel, String purpose, int attempts, String lastError) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return purpose + " by " + channel + " to " + recipient + " failed after " + attempts + " attempts";
    }
}
