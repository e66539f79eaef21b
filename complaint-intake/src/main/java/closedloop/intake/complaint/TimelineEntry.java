package closedloop.intake.complaint;

import java.time.Instant;

/**
 * One event of a complaint as the agent sees it on the timeline.
 *
 * @param eventId the event's id; the timeline's ids are also the log of the events already applied
 * @param type    the CloudEvents type id, e.g. {@code closedloop.ticket.assigned.v1}
 * @param at      when it happened
 * @param source  the service that told it
 * @param summary one line for a person
 * @param actor   who did it, for the events that name a person; null for the others
 */
public record TimelineEntry(String eventId, String type, Instant at, String source, String summary, String actor) {
}
