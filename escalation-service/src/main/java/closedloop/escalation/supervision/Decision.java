package closedloop.escalation.supervision;

import java.time.Instant;

/**
 * What the office meeting decided on an item: who owns it, by when it is to be done and what is to be done, with who
 * recorded it and when.
 *
 * @param eventId the id of the {@code OfficeMeetingDecided} event that told it
 */
public record Decision(String owner, Instant deadline, String note, String decidedBy, Instant decidedAt,
                       String eventId) {
}
