package closedloop.router.routing;

import java.time.Instant;

/**
 * One line of a ticket's history: who did what when, and the status it left the ticket in.
 *
 * @param action {@code assign}, {@code reopen}, {@code returned}, {@code transferred}, or a
 *               {@link TicketAction#label()}
 * @param detail what the action said, e.g. the note, the handler's name or the reason; null when nothing
 */
public record HistoryEntry(Instant at, String action, String actor, TicketStatus status, String detail) {

    public HistoryEntry(Instant at, String action, String actor, TicketStatus status) {
        this(at, action, actor, status, null);
    }
}
