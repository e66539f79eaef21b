package closedloop.escalation.supervision.web;

import closedloop.platform.web.IsoInstant;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;

/**
 * The text, an ISO-8601 instant, must name an instant after now by the service's {@link Clock} (not the system's, so
 * that tests which move time are obeyed). Text that is no instant passes: {@link IsoInstant} reports it, so a field is
 * reported once. A null passes.
 */
@Documented
@Constraint(validatedBy = FutureInstant.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FutureInstant {

    String message() default "must be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compares the instant with the injected clock; Spring's validator factory gives it the clock bean. */
    class Validator implements ConstraintValidator<FutureInstant, String> {

        private final Clock clock;

        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Instant instant = value == null ? null : IsoInstant.Validator.parse(value);
            return instant == null || instant.isAfter(clock.instant());
        }
    }
}
