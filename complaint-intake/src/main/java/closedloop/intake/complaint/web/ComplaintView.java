package closedloop.intake.complaint.web;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Customer;
import closedloop.contracts.Priority;
import closedloop.contracts.Promise;
import closedloop.intake.complaint.Complaint;
import closedloop.intake.complaint.ComplaintStatus;
import closedloop.intake.complaint.TimelineEntry;
import closedloop.platform.PhoneNumbers;

import java.time.Instant;
import java.util.List;

/**
 * A complaint as the agent sees it, with its timeline oldest first.
 *
 * @param agent  the agent who took it (首问负责)
 * @param branch the branch currently holding it; null before it was first assigned
 */
public record ComplaintView(String id, String number, ComplaintStatus status, Channel channel, Category category,
                            Priority priority, String priorityReason, Customer customer, String district,
                            String address, String description, String agent, Instant registeredAt,
                            Instant promisedReplyBy, boolean repeat, List<String> repeatOf, List<Promise> promises,
                            String branch, CallbackOutcome closedOutcome, int reopenCount,
                            List<TimelineEntry> timeline) {

    static ComplaintView of(Complaint complaint) {
        return new ComplaintView(complaint.id(), complaint.number(), complaint.status(), complaint.channel(),
                complaint.category(), complaint.priority(), complaint.priorityReason(), complaint.customer(),
                complaint.district(), complaint.address(), complaint.description(), complaint.agent(),
                complaint.registeredAt(), complaint.promisedReplyBy(), complaint.repeat(), complaint.repeatOf(),
                complaint.promises(), complaint.branch(), complaint.closedOutcome(), complaint.reopenCount(),
                complaint.timeline());
    }

    /** Prints the customer's phone masked: Spring logs the bodies it writes at DEBUG. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
