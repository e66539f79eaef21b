package closedloop.router.routing;

import java.time.Instant;

/** From when a named person handled a ticket. */
public record HandlerSpell(String handler, Instant from) {
}
