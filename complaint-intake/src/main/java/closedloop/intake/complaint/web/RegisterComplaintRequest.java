package closedloop.intake.complaint.web;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Customer;
import closedloop.intake.complaint.NewComplaint;
import closedloop.platform.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an agent sends to log a complaint; every bad field is reported together. */
public record RegisterComplaintRequest(@NotBlank @OneOf(Channel.class) String channel,
                                       @NotBlank @OneOf(Category.class) String category,
                                       @NotNull @Valid CustomerDetails customer,
                                       @NotBlank @Size(max = 50) String district,
                                       @NotBlank @Size(max = 2000) String description) {

    /** A mainland mobile number, or a landline with its area code, with or without a dash. */
    static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

    NewComplaint toNewComplaint() {
        return new NewComplaint(Channel.valueOf(channel), Category.valueOf(category),
                new Customer(customer.name().strip(), customer.phone()), district.strip(), description.strip());
    }

    /** The person complaining. */
    public record CustomerDetails(@NotBlank @Size(max = 100) String name,
                                  @NotBlank @Pattern(regexp = PHONE, message = "must be a mainland mobile number or a landline with area code") String phone) {
    }
}
