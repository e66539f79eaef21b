package closedloop.router.routing;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ComplaintRegistered;
import closedloop.contracts.Priority;

import java.time.Instant;

/**
 * What a ticket knows of its complaint: the facts the complaint was registered with, at the priority its latest reopen
 * gave it. Taken whole from one ticket to the next along the complaint's chain of tickets.
 *
 * @param number       the complaint's number, as the customer was told it
 * @param district     the district the complaint was routed by
 * @param registeredAt when the complaint was registered
 */
public record ComplaintSnapshot(String number, Category category, Priority priority, Channel channel, String district,
                                Instant registeredAt) {

    /** What a newly registered complaint tells the router. */
    static ComplaintSnapshot of(ComplaintRegistered registered) {
        return new ComplaintSnapshot(registered.number(), registered.category(), registered.priority(),
                registered.channel(), registered.district(), registered.occurredAt());
    }

    /** The same complaint at another priority, as a reopen sets it. */
    ComplaintSnapshot at(Priority newPriority) {
        return new ComplaintSnapshot(number, category, newPriority, channel, district, registeredAt);
    }
}
