package closedloop.intake.complaint.web;

import closedloop.contracts.Category;
import closedloop.contracts.Priority;
import closedloop.intake.complaint.Complaint;
import closedloop.intake.complaint.ComplaintStatus;

import java.time.Instant;

/** One line of a list of complaints. */
public record ComplaintSummary(String id, String number, ComplaintStatus status, Category category,
                               Priority priority, Instant registeredAt, boolean repeat) {

    static ComplaintSummary of(Complaint complaint) {
        return new ComplaintSummary(complaint.id(), complaint.number(), complaint.status(), complaint.category(),
                complaint.priority(), complaint.registeredAt(), complaint.repeat());
    }
}
