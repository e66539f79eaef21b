package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a complaint, told by the service that owns it.
 * Every event carries its own id and the instant it happened, and belongs to exactly one complaint,
 * whose id is the Kafka key, so that one complaint's events stay in order.
 */
public interface ClosedLoopEvent {

    UUID eventId();

    Instant occurredAt();

    String complaintId();

    /** One line for a person reading the complaint's timeline. */
    String summary();

    /**
     * Who did it, for events a person caused (a record with an {@code actor} component answers with it); null for
     * what the system did by itself.
     */
    default String actor() {
        return null;
    }
}
