package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A time limit (时限) started running for a ticket. */
public record ClockStarted(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                           ClockKind clock, Instant deadline) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return clock + " limit started for branch " + branch + ", due " + deadline;
    }
}
