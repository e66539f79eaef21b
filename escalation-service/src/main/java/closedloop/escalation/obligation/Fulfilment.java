package closedloop.escalation.obligation;

import java.time.Instant;

/** How an obligation was kept: the evidence (e.g. the refund's reference), a note, who recorded it and when. */
public record Fulfilment(String reference, String note, String by, Instant at) {
}
