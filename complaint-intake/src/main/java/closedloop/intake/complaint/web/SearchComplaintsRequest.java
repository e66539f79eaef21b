package closedloop.intake.complaint.web;

import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.Priority;
import closedloop.intake.complaint.ComplaintQuery;
import closedloop.intake.complaint.ComplaintStatus;
import closedloop.platform.PhoneNumbers;
import closedloop.platform.web.IsoInstant;
import closedloop.platform.web.OneOf;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * The criteria of a complaint search, the body of {@code POST /api/v1/complaints/_search} (and, all but the phone, the
 * query parameters of {@code GET /api/v1/complaints}); every one optional, every bad one reported together.
 *
 * @param branch the branch currently holding the complaint
 * @param from   registered at or after this instant
 * @param to     registered before this instant
 * @param phone  the customer's phone: their complaints only (the customer's history); never in a URL
 */
@SearchComplaintsRequest.FromNotAfterTo
public record SearchComplaintsRequest(@OneOf(ComplaintStatus.class) String status,
                                      @OneOf(Category.class) String category,
                                      @OneOf(Channel.class) String channel,
                                      @OneOf(Priority.class) String priority,
                                      @Size(max = 50) String branch,
                                      @IsoInstant String from,
                                      @IsoInstant String to,
                                      // refused as a query parameter (400), so not described as one; in the search's body
                                      @Parameter(hidden = true)
                                      @Pattern(regexp = RegisterComplaintRequest.PHONE, message = RegisterComplaintRequest.PHONE_MESSAGE) String phone,
                                      @Pattern(regexp = Paging.PAGE, message = Paging.PAGE_MESSAGE) String page,
                                      @Pattern(regexp = Paging.SIZE, message = Paging.SIZE_MESSAGE) String size) {

    ComplaintQuery toQuery() {
        return new ComplaintQuery(status == null ? null : ComplaintStatus.valueOf(status),
                category == null ? null : Category.valueOf(category),
                channel == null ? null : Channel.valueOf(channel),
                priority == null ? null : Priority.valueOf(priority),
                branch == null || branch.isBlank() ? null : branch.strip(),
                instant(from), instant(to),
                phone == null ? null : RegisterComplaintRequest.canonicalPhone(phone),
                Paging.page(page), Paging.size(size));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Prints the phone masked: Spring logs the bodies it reads at DEBUG. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }

    /** {@code from} is not after {@code to}; named on {@code from}. */
    @Documented
    @Constraint(validatedBy = FromNotAfterTo.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface FromNotAfterTo {

        String message() default "must not be after to";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Compares the two instants when both are given and well-formed. */
        class Validator implements ConstraintValidator<FromNotAfterTo, SearchComplaintsRequest> {

            @Override
            public boolean isValid(SearchComplaintsRequest request, ConstraintValidatorContext context) {
                Instant from = request.from() == null ? null : IsoInstant.Validator.parse(request.from());
                Instant to = request.to() == null ? null : IsoInstant.Validator.parse(request.to());
                if (from == null || to == null || !from.isAfter(to)) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("from").addConstraintViolation();
                return false;
            }
        }
    }
}
