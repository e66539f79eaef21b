package closedloop.escalation.sla;

import java.time.Instant;

/**
 * A branch's request for more time (延期) on its ticket's resolve deadline, and what a supervisor decided.
 *
 * @param id                the id of the request event, as text
 * @param requestedDeadline the deadline the branch asked for
 * @param approvedDeadline  the deadline approved (the requested one unless the supervisor chose another)
 * @param refusalReason     why it was refused
 */
public record Extension(String id, String ticketId, String branch, String reason, String requestedBy,
                        Instant requestedAt, Instant requestedDeadline, ExtensionStatus status, String decidedBy,
                        Instant decidedAt, Instant approvedDeadline, String refusalReason) {

    static Extension requested(String id, String ticketId, String branch, String reason, String requestedBy,
                               Instant requestedAt, Instant requestedDeadline) {
        return new Extension(id, ticketId, branch, reason, requestedBy, requestedAt, requestedDeadline,
                ExtensionStatus.PENDING, null, null, null, null);
    }

    Extension approved(Instant deadline, String actor, Instant at) {
        return new Extension(id, ticketId, branch, reason, requestedBy, requestedAt, requestedDeadline,
                ExtensionStatus.APPROVED, actor, at, deadline, null);
    }

    Extension refused(String why, String actor, Instant at) {
        return new Extension(id, ticketId, branch, reason, requestedBy, requestedAt, requestedDeadline,
                ExtensionStatus.REFUSED, actor, at, null, why);
    }

    Extension lapsed(Instant at) {
        return new Extension(id, ticketId, branch, reason, requestedBy, requestedAt, requestedDeadline,
                ExtensionStatus.LAPSED, null, at, null, null);
    }

    boolean isPending() {
        return status == ExtensionStatus.PENDING;
    }
}
