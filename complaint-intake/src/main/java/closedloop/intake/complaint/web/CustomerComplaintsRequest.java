package closedloop.intake.complaint.web;

import closedloop.intake.complaint.ComplaintQuery;
import jakarta.validation.constraints.Pattern;

/** A customer's phone (from the path) and the page of their complaints to show. */
public record CustomerComplaintsRequest(@Pattern(regexp = RegisterComplaintRequest.PHONE, message = RegisterComplaintRequest.PHONE_MESSAGE) String phone,
                                        @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                        @Pattern(regexp = Paging.SIZE, message = Paging.SIZE_MESSAGE) String size) {

    ComplaintQuery toQuery() {
        return ComplaintQuery.ofCustomer(RegisterComplaintRequest.canonicalPhone(phone), Paging.page(page),
                Paging.size(size));
    }
}
