package closedloop.escalation.league;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.CallbackOutcome;

import java.time.Duration;
import java.time.Instant;

/** Builds ticket facts for the league's unit tests, times in hours after {@link #T0}. */
final class TicketFacts {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    private final String ticketId;
    private final String complaintId;
    private final String branch;
    private Instant dispatchedAt;
    private Instant signForDeadline;
    private Instant resolveDeadline;
    private Instant acceptedAt;
    private Instant resolvedAt;
    private Instant returnedAt;
    private Instant transferredAt;
    private Instant pausedAt;
    private Instant resumedAt;
    private Instant reopenedAt;
    private CallbackOutcome callbackOutcome;

    private TicketFacts(String ticketId, String branch, String complaintId) {
        this.ticketId = ticketId;
        this.branch = branch;
        this.complaintId = complaintId;
    }

    static TicketFacts ticket(String ticketId, String branch, String complaintId) {
        return new TicketFacts(ticketId, branch, complaintId);
    }

    static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    TicketFacts dispatched(double hours) {
        dispatchedAt = h(hours);
        return this;
    }

    TicketFacts deadlines(double signFor, double resolve) {
        signForDeadline = h(signFor);
        resolveDeadline = h(resolve);
        return this;
    }

    TicketFacts accepted(double hours) {
        acceptedAt = h(hours);
        return this;
    }

    TicketFacts resolved(double hours) {
        resolvedAt = h(hours);
        return this;
    }

    TicketFacts returned(double hours) {
        returnedAt = h(hours);
        return this;
    }

    TicketFacts transferred(double hours) {
        transferredAt = h(hours);
        return this;
    }

    TicketFacts paused(double hours) {
        pausedAt = h(hours);
        return this;
    }

    TicketFacts resumed(double hours) {
        resumedAt = h(hours);
        return this;
    }

    TicketFacts reopened(double hours) {
        reopenedAt = h(hours);
        return this;
    }

    TicketFacts callback(CallbackOutcome outcome) {
        callbackOutcome = outcome;
        return this;
    }

    TicketFact fact() {
        Instant releasedAt = earliest(earliest(resolvedAt, returnedAt), transferredAt);
        return new TicketFact(ticketId, complaintId, branch, AssignmentReason.ROUTED, dispatchedAt, signForDeadline,
                resolveDeadline, acceptedAt, resolvedAt, returnedAt, transferredAt, releasedAt, pausedAt, resumedAt,
                reopenedAt, callbackOutcome, callbackOutcome == null ? null : resolvedAt);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
