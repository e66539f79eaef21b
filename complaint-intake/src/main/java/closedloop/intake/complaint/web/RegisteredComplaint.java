package closedloop.intake.complaint.web;

import closedloop.contracts.Priority;
import closedloop.intake.complaint.Complaint;
import closedloop.intake.complaint.ComplaintStatus;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a registration: what the agent reads out to the customer — the number, the priority and why, whether
 * the customer complained about this before, and by when they will hear back.
 */
public record RegisteredComplaint(String id, String number, ComplaintStatus status, Priority priority,
                                  String priorityReason, boolean repeat, List<String> repeatOf,
                                  Instant promisedReplyBy) {

    static RegisteredComplaint of(Complaint complaint) {
        return new RegisteredComplaint(complaint.id(), complaint.number(), complaint.status(), complaint.priority(),
                complaint.priorityReason(), complaint.repeat(), complaint.repeatOf(), complaint.promisedReplyBy());
    }
}
