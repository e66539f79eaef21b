package closedloop.intake.complaint.web;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Customer;
import closedloop.contracts.Priority;
import closedloop.intake.complaint.Complaint;
import closedloop.intake.complaint.ComplaintStatus;
import closedloop.intake.complaint.TimelineEntry;

import java.time.Instant;
import java.util.List;

/** A complaint as the agent sees it, with its timeline oldest first. */
public record ComplaintView(String id, String number, ComplaintStatus status, Channel channel, Category category,
                            Priority priority, Customer customer, String district, String description,
                            Instant registeredAt, CallbackOutcome closedOutcome, int reopenCount,
                            List<TimelineEntry> timeline) {

    static ComplaintView of(Complaint complaint) {
        return new ComplaintView(complaint.id(), complaint.number(), complaint.status(), complaint.channel(),
                complaint.category(), complaint.priority(), complaint.customer(), complaint.district(),
                complaint.description(), complaint.registeredAt(), complaint.closedOutcome(), complaint.reopenCount(),
                complaint.timeline());
    }
}
