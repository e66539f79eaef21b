package closedloop.escalation.problem;

import java.time.Instant;

/** Why and since when a problem is on the office meeting's (办公会) agenda; {@code by} is null when an overdue action put it there. */
public record AgendaPlace(Instant since, String reason, String by) {
}
