package closedloop.notification.message;

import java.time.Instant;

/**
 * One try to hand a message to its channel (the channel's own quick retries inside it included).
 *
 * @param at    when it ended
 * @param error what went wrong; null when the channel accepted the message
 */
public record DeliveryAttempt(Instant at, String error) {
}
