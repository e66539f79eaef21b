package closedloop.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The text must be an ISO-8601 instant such as {@code 2026-11-23T09:30:00Z}. Requests take instants as text and check
 * them with this, so that a malformed instant is reported with the field's name together with every other bad field
 * (Jackson's own parse error would fail the whole body on its own). Only the years 0001 to 9999 are accepted: Java
 * parses {@code +100000-01-01T00:00:00Z} too, but no deadline lies there and other systems (a store's date type, a
 * consumer's parser) would refuse it later, where nobody answers the caller. A null passes.
 */
@Documented
@Constraint(validatedBy = IsoInstant.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoInstant {

    /** What a bad instant is told, wherever it is checked. */
    String MESSAGE = "must be an ISO-8601 instant in the years 0001 to 9999, e.g. 2026-11-23T09:30:00Z";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses the text as an {@link Instant}. */
    class Validator implements ConstraintValidator<IsoInstant, String> {

        private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
        private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The instant the text names, or null when it names none or one outside the years 0001 to 9999. */
        public static Instant parse(String value) {
            try {
                Instant instant = Instant.parse(value);
                return FIRST.isAfter(instant) || LAST.isBefore(instant) ? null : instant;
            } catch (DateTimeParseException notAnInstant) {
                return null;
            }
        }
    }
}
