package closedloop.intake.complaint.web;

import closedloop.intake.complaint.Complaint;
import closedloop.intake.complaint.ComplaintStatus;

/** The answer to a registration: what the agent reads out to the customer. */
public record RegisteredComplaint(String id, String number, ComplaintStatus status) {

    static RegisteredComplaint of(Complaint complaint) {
        return new RegisteredComplaint(complaint.id(), complaint.number(), complaint.status());
    }
}
