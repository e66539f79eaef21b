package closedloop.intake.complaint.web;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Customer;
import closedloop.contracts.Priority;
import closedloop.contracts.Promise;
import closedloop.contracts.PromiseKind;
import closedloop.intake.complaint.NewComplaint;
import closedloop.platform.PhoneNumbers;
import closedloop.platform.web.IsoInstant;
import closedloop.platform.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What an agent sends to log a complaint; every bad field is reported together. The district comes either at the top
 * level ({@code district}, as before) or in {@code location}, exactly once.
 *
 * @param priority the priority the agent asks for; it may raise the derived priority, never lower it
 * @param agent    the agent who took the complaint (首问负责); when absent, the request's actor is the agent
 */
@DistrictGivenOnce
public record RegisterComplaintRequest(@NotBlank @OneOf(Channel.class) String channel,
                                       @NotBlank @OneOf(Category.class) String category,
                                       @OneOf(Priority.class) String priority,
                                       @NotNull @Valid CustomerDetails customer,
                                       @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 50) String district,
                                       @Valid LocationDetails location,
                                       @NotBlank @Size(max = 2000) String description,
                                       @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 100) String agent,
                                       @Size(max = 10) List<@NotNull @Valid PromiseDetails> promises) {

    /** A mainland mobile number, or a landline with its area code, with or without a dash. */
    static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";
    static final String PHONE_MESSAGE = "must be a mainland mobile number or a landline with area code";

    /** Absent is fine; present must have a character other than white space. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    NewComplaint toNewComplaint() {
        boolean vip = customer.vip() != null && customer.vip();
        String accountNo = customer.accountNo() == null ? null : customer.accountNo().strip();
        String address = location == null || location.address() == null ? null : location.address().strip();
        List<Promise> promised = promises == null ? List.of()
                : promises.stream().map(PromiseDetails::toPromise).toList();
        return new NewComplaint(Channel.valueOf(channel), Category.valueOf(category),
                priority == null ? null : Priority.valueOf(priority),
                new Customer(customer.name().strip(), canonicalPhone(customer.phone()), accountNo, vip),
                givenDistrict().strip(), address, description.strip(), promised);
    }

    /** The agent named in the body, else the actor of the request. */
    String agentOr(String actor) {
        return agent != null ? agent.strip() : actor;
    }

    private String givenDistrict() {
        return district != null ? district : location.district();
    }

    /** Phones are kept as digits only, so that a landline with and without its dash is one customer. */
    static String canonicalPhone(String phone) {
        return phone.replace("-", "");
    }

    /** The person complaining. */
    public record CustomerDetails(@NotBlank @Size(max = 100) String name,
                                  @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
                                  @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "may hold only letters, digits and dashes") String accountNo,
                                  Boolean vip) {

        /** Prints the phone masked: Spring logs the bodies it reads at DEBUG. */
        @Override
        public String toString() {
            return PhoneNumbers.toMaskedString(this);
        }
    }

    /** Where the problem is: the district that decides the branch, and the street address if known. */
    public record LocationDetails(@Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 50) String district,
                                  @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 200) String address) {
    }

    /** Something the agent promised the customer, with the date if one was given. */
    /**
     * A promise to the customer: what, of which kind (OTHER when left out), the sum a refund is about, and when it is
     * due (when left out, escalation-service gives it the kind's default).
     */
    @AmountWhereNeeded
    public record PromiseDetails(@NotBlank @Size(max = 500) String text, @IsoInstant String dueAt,
                                 @OneOf(PromiseKind.class) String kind,
                                 @DecimalMin(value = "0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount) {

        Promise toPromise() {
            return new Promise(text.strip(), dueAt == null ? null : Instant.parse(dueAt),
                    kind == null ? PromiseKind.OTHER : PromiseKind.valueOf(kind), amount);
        }
    }
}
