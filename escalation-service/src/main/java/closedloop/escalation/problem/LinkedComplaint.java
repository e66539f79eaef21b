package closedloop.escalation.problem;

import java.time.Instant;

/**
 * A complaint of a problem: which, its number and when it was registered (for the problem's timeline), and when and
 * by whom it was linked (null: linked automatically, as it matched the problem).
 */
public record LinkedComplaint(String complaintId, String number, Instant registeredAt, Instant linkedAt,
                              String linkedBy) {
}
