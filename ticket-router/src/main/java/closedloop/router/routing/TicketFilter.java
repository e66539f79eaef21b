package closedloop.router.routing;

/**
 * Which tickets a list shows; a null criterion matches everything. Branch or complaint must be given.
 *
 * @param limit the most tickets to return, newest first
 */
public record TicketFilter(String branch, TicketStatus status, String complaintId, int limit) {
}
