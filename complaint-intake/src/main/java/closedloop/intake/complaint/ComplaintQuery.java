package closedloop.intake.complaint;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Priority;

import java.time.Instant;

/**
 * A search over complaints, newest first; every criterion is optional (null = any).
 *
 * @param branch the branch currently holding the complaint
 * @param from   registered at or after (inclusive)
 * @param to     registered before (exclusive)
 * @param phone  the customer's phone, digits only
 * @param page   the page, counting from 0
 * @param size   complaints per page
 */
public record ComplaintQuery(ComplaintStatus status, Category category, Channel channel, Priority priority,
                             String branch, Instant from, Instant to, String phone, int page, int size) {

    /** One customer's complaints. */
    public static ComplaintQuery ofCustomer(String phone, int page, int size) {
        return new ComplaintQuery(null, null, null, null, null, null, null, phone, page, size);
    }
}
