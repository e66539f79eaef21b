package closedloop.escalation.supervision;

import java.time.Duration;
import java.time.Instant;

/**
 * A branch that held the complaint through one ticket, from dispatch until it resolved, returned or handed it on.
 *
 * @param handler the person the branch last named to handle it; null when it named nobody
 * @param until   when the branch let go of it; null while it still holds it
 * @param endedBy how it let go: RESOLVED, RETURNED or TRANSFERRED; null while it still holds it
 * @param dwell   how long it held it, until {@code until} or, while it still holds it, until now
 */
public record Holder(String ticketId, String branch, String handler, Instant from, Instant until, String endedBy,
                     Duration dwell) {
}
