package closedloop.intake.complaint;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Priority;
import closedloop.platform.PhoneNumbers;

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

    /** Prints the phone masked: a query may end up in a log line. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
