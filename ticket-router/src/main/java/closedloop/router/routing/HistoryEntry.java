package closedloop.router.routing;

import java.time.Instant;

/**
 * One line of a ticket's history: who did what when, and the status it left the ticket in.
 *
 * @param action {@code assign}, {@code reopen}, or a {@link TicketAction#label()}
 */
public record HistoryEntry(Instant at, String action, String actor, TicketStatus status) {
}
