package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** 75 % of a ticket's time limit has passed: the branch and its dispatcher are chased (催办). */
public record TicketWarned(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                           ClockKind clock, Instant deadline) implements TicketEvent {

    @Override
    public String summary() {
        return "Warning: 75% of the " + clock + " limit of branch " + branch + " passed; due " + deadline;
    }
}
