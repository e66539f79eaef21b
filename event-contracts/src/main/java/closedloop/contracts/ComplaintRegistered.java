package closedloop.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hotline agent logged a complaint; it now has a number and waits to be routed. The {@code actor} is the agent who
 * took it (首问负责, first-contact owner).
 *
 * @param priorityReason why the complaint has its priority, e.g. "REGULATOR channel; repeat of TS-…"
 * @param repeat         the same customer complained about the same category within 30 days
 * @param repeatOf       the ids of those earlier complaints
 */
public record ComplaintRegistered(UUID eventId, Instant occurredAt, String complaintId, String number,
                                  Channel channel, Category category, Priority priority, Customer customer,
                                  String district, String description, String actor, String address,
                                  String priorityReason, boolean repeat, List<String> repeatOf,
                                  List<Promise> promises) implements ClosedLoopEvent {

    public ComplaintRegistered {
        repeatOf = repeatOf == null ? List.of() : List.copyOf(repeatOf);
        promises = promises == null ? List.of() : List.copyOf(promises);
    }

    /** A first complaint without address, promises or stated reason (the v1 fields before they were added). */
    public ComplaintRegistered(UUID eventId, Instant occurredAt, String complaintId, String number, Channel channel,
                               Category category, Priority priority, Customer customer, String district,
                               String description, String actor) {
        this(eventId, occurredAt, complaintId, number, channel, category, priority, customer, district, description,
                actor, null, null, false, List.of(), List.of());
    }

    @Override
    public String summary() {
        return "Complaint " + number + " registered by " + actor + " (" + category + ", " + priority
                + (repeat ? ", repeat" : "") + ", " + district + ")";
    }
}
