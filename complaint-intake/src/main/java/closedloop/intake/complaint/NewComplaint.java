package closedloop.intake.complaint;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Customer;
import closedloop.contracts.Priority;
import closedloop.contracts.Promise;
import closedloop.platform.PhoneNumbers;

import java.util.List;

/**
 * What an agent tells about a complaint when logging it.
 *
 * @param requestedPriority the priority the agent asked for, null for none; it can raise the derived one, never lower it
 * @param address           where the problem is, when the agent noted it; null otherwise
 * @param promises          what the agent promised the customer, possibly none
 */
public record NewComplaint(Channel channel, Category category, Priority requestedPriority, Customer customer,
                           String district, String address, String description, List<Promise> promises) {

    public NewComplaint {
        promises = promises == null ? List.of() : List.copyOf(promises);
    }

    /** A complaint without requested priority, address or promises. */
    public NewComplaint(Channel channel, Category category, Customer customer, String district, String description) {
        this(channel, category, null, customer, district, null, description, List.of());
    }

    /** Prints the customer's phone masked: what an agent sent may end up in a log line. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
