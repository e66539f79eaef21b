package closedloop.escalation.policy.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The text must be a positive ISO-8601 duration such as {@code PT2H} or {@code P3D}. A null passes. */
@Documented
@Constraint(validatedBy = IsoDuration.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDuration {

    String message() default "must be a positive ISO-8601 duration, e.g. PT2H or P3D";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses the text as a positive {@link Duration}. */
    class Validator implements ConstraintValidator<IsoDuration, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The positive duration the text names, or null when it names none. */
        static Duration parse(String value) {
            try {
                Duration duration = Duration.parse(value);
                return duration.isNegative() || duration.isZero() ? null : duration;
            } catch (DateTimeParseException notADuration) {
                return null;
            }
        }
    }
}
