package closedloop.intake.complaint;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Customer;

/** What an agent tells about a complaint when logging it. */
public record NewComplaint(Channel channel, Category category, Customer customer, String district,
                           String description) {
}
