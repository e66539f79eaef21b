package closedloop.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A time limit (时限) started running for a ticket.
 *
 * @param policyVersion the version of the time-limit policy the ticket is measured against
 * @param limit         the limit as the policy states it, e.g. PT2H or P3D
 * @param basis         whether the limit counts working time on the business calendar or calendar time
 */
public record ClockStarted(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                           ClockKind clock, Instant deadline, Integer policyVersion, Duration limit,
                           TimeBasis basis) implements TicketEvent {

    /** A clock without its policy (the v1 fields before they were added). */
    public ClockStarted(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                        ClockKind clock, Instant deadline) {
        this(eventId, occurredAt, complaintId, ticketId, branch, clock, deadline, null, null, null);
    }

    @Override
    public String summary() {
        return clock + " limit started for branch " + branch + ", due " + deadline
                + (policyVersion == null ? "" : " (" + limit + " " + basis + ", policy v" + policyVersion + ")");
    }
}
