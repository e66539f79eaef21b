package closedloop.router.routing;

import java.time.Instant;

/**
 * Who held a complaint for how long: one branch (and, once named, one person there) from one instant to another.
 *
 * @param handler the person handling it; null until the branch named one
 * @param to      when it stopped holding it; null while it still does
 * @param seconds how long it held it, up to now when it still does
 */
public record Holder(String ticketId, String branch, String handler, Instant from, Instant to, long seconds) {
}
