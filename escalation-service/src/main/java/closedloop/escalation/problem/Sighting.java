package closedloop.escalation.problem;

import java.time.Instant;

/**
 * A complaint seen by the detector: which, its number, when it was registered, and when it was seen of its kind
 * (registered, or resolved with a root cause), which is what the detection window counts.
 */
public record Sighting(String complaintId, String number, Instant registeredAt, Instant seenAt) {
}
