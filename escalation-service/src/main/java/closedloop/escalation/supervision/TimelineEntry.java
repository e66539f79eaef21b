package closedloop.escalation.supervision;

import java.time.Instant;

/**
 * One event in a complaint's story, as a person reads it.
 *
 * @param type     the event's CloudEvents type id, e.g. {@code closedloop.ticket.assigned.v1}
 * @param topic    the topic it came from, i.e. the service that told it
 * @param ticketId the ticket it is about; null for complaint-wide events
 * @param branch   the branch it names; null when it names none
 */
public record TimelineEntry(String eventId, String type, Instant at, String topic, String summary, String actor,
                            String ticketId, String branch) {
}
