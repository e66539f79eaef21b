package closedloop.contracts;

import java.time.Instant;

/** Something the agent promised the customer, e.g. "refund twice the overcharge", with the date if one was given. */
public record Promise(String text, Instant dueAt) {
}
