package closedloop.router.routing.web;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.Priority;
import closedloop.contracts.ReturnReason;
import closedloop.contracts.RootCause;
import closedloop.router.routing.HistoryEntry;
import closedloop.router.routing.Ticket;
import closedloop.router.routing.TicketAction;
import closedloop.router.routing.TicketStatus;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as the branch's console sees it, with the actions its status allows ({@code allowedActions}, the labels
 * of the action paths) so that a console offers only those, and its history (who did what, when).
 */
public record TicketResponse(String id, String complaintId, String complaintNumber, String branch, Category category,
                             Priority priority, String district, TicketStatus status, List<String> allowedActions,
                             AssignmentReason assignmentReason, String handler, String resolution, RootCause rootCause,
                             String responsibleParty, Instant firstContactAt, ContactMethod firstContactMethod,
                             String waitingReason, ReturnReason returnReason, String returnText,
                             List<String> returnedBy, int timesPassedOn, String previousTicketId, String nextTicketId,
                             Instant createdAt, Instant acceptedAt, Instant resolvedAt, Instant releasedAt,
                             List<HistoryEntry> history) {

    static TicketResponse of(Ticket ticket) {
        return new TicketResponse(ticket.id(), ticket.complaintId(), ticket.complaintNumber(), ticket.branch(),
                ticket.category(), ticket.priority(), ticket.district(), ticket.status(),
                TicketAction.labels(ticket.allowedActions()), ticket.assignmentReason(),
                ticket.handler(), ticket.resolution(), ticket.rootCause(), ticket.responsibleParty(),
                ticket.firstContactAt(), ticket.firstContactMethod(), ticket.waitingReason(), ticket.returnReason(),
                ticket.returnText(), ticket.returnedBy(), ticket.timesPassedOn(), ticket.previousTicketId(),
                ticket.nextTicketId(), ticket.createdAt(), ticket.acceptedAt(), ticket.resolvedAt(),
                ticket.releasedAt(), ticket.history());
    }
}
