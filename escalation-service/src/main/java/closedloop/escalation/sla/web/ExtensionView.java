package closedloop.escalation.sla.web;

import closedloop.contracts.ClockKind;
import closedloop.escalation.sla.Extension;
import closedloop.escalation.sla.ExtensionStatus;
import closedloop.escalation.sla.SlaCase;

import java.time.Instant;

/**
 * An extension (延期) as a supervisor sees it.
 *
 * @param extensionId     the id to approve or refuse it by
 * @param resolveDeadline the current resolve deadline of the complaint's ticket
 * @param approvedDeadline the deadline approved, when it was
 * @param refusalReason   why it was refused, when it was
 */
public record ExtensionView(String extensionId, String complaintId, String ticketId, String branch, String reason,
                            String requestedBy, Instant requestedAt, Instant requestedDeadline,
                            Instant resolveDeadline, ExtensionStatus status, String decidedBy, Instant decidedAt,
                            Instant approvedDeadline, String refusalReason) {

    static ExtensionView of(SlaCase slaCase, Extension extension) {
        Instant resolveDeadline = slaCase.ticket() == null ? null
                : slaCase.ticket().clock(ClockKind.RESOLVE).deadline();
        return new ExtensionView(extension.id(), slaCase.complaintId(), extension.ticketId(), extension.branch(),
                extension.reason(), extension.requestedBy(), extension.requestedAt(), extension.requestedDeadline(),
                resolveDeadline, extension.status(), extension.decidedBy(), extension.decidedAt(),
                extension.approvedDeadline(), extension.refusalReason());
    }
}
