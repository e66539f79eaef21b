package closedloop.intake.complaint.web;

import closedloop.contracts.PromiseKind;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/** A refund or double refund (双倍返还) promise names its sum ({@code amount}); the violation names that field. */
@Documented
@Constraint(validatedBy = AmountWhereNeeded.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AmountWhereNeeded {

    String message() default "is required for a REFUND or DOUBLE_REFUND promise";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks that a refund names its amount; an unknown kind is {@code kind}'s own error. */
    class Validator implements ConstraintValidator<AmountWhereNeeded, RegisterComplaintRequest.PromiseDetails> {

        @Override
        public boolean isValid(RegisterComplaintRequest.PromiseDetails promise, ConstraintValidatorContext context) {
            boolean known = promise.kind() != null && Arrays.stream(PromiseKind.values())
                    .anyMatch(kind -> kind.name().equals(promise.kind()));
            if (!known || !PromiseKind.valueOf(promise.kind()).needsAmount() || promise.amount() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("amount").addConstraintViolation();
            return false;
        }
    }
}
