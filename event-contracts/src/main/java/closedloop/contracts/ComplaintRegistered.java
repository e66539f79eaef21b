package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A hotline agent logged a complaint; it now has a number and waits to be routed. */
public record ComplaintRegistered(UUID eventId, Instant occurredAt, String complaintId, String number,
                                  Channel channel, Category category, Priority priority, Customer customer,
                                  String district, String description, String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Complaint " + number + " registered by " + actor + " (" + category + ", " + priority + ", " + district + ")";
    }
}
