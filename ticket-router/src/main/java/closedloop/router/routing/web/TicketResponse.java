package closedloop.router.routing.web;

import closedloop.contracts.Category;
import closedloop.contracts.Priority;
import closedloop.router.routing.HistoryEntry;
import closedloop.router.routing.Ticket;
import closedloop.router.routing.TicketStatus;

import java.time.Instant;
import java.util.List;

/** A ticket as the branch's console sees it. */
public record TicketResponse(String id, String complaintId, String complaintNumber, String branch, Category category,
                             Priority priority, String district, TicketStatus status, String resolution,
                             String previousTicketId, Instant createdAt, Instant acceptedAt, Instant resolvedAt,
                             List<HistoryEntry> history) {

    static TicketResponse of(Ticket ticket) {
        return new TicketResponse(ticket.id(), ticket.complaintId(), ticket.complaintNumber(), ticket.branch(),
                ticket.category(), ticket.priority(), ticket.district(), ticket.status(), ticket.resolution(),
                ticket.previousTicketId(), ticket.createdAt(), ticket.acceptedAt(), ticket.resolvedAt(),
                ticket.history());
    }
}
