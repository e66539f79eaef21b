package closedloop.intake.complaint.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The district of a complaint is given exactly once: as the top-level {@code district} or as
 * {@code location.district}. Neither names both fields; both names {@code location.district}.
 */
@Documented
@Constraint(validatedBy = DistrictGivenOnce.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DistrictGivenOnce {

    String message() default "give the district exactly once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks where the district was given. */
    class Validator implements ConstraintValidator<DistrictGivenOnce, RegisterComplaintRequest> {

        @Override
        public boolean isValid(RegisterComplaintRequest request, ConstraintValidatorContext context) {
            boolean atTop = request.district() != null;
            boolean inLocation = request.location() != null && request.location().district() != null;
            if (atTop != inLocation) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (atTop) {
                violation(context, "must not be given together with district; give the district once", "location", "district");
            } else {
                violation(context, "is required (or give location.district)", "district");
                violation(context, "is required (or give the top-level district)", "location", "district");
            }
            return false;
        }

        private static void violation(ConstraintValidatorContext context, String message, String... path) {
            var builder = context.buildConstraintViolationWithTemplate(message).addPropertyNode(path[0]);
            for (int i = 1; i < path.length; i++) {
                builder = builder.addPropertyNode(path[i]);
            }
            builder.addConstraintViolation();
        }
    }
}
