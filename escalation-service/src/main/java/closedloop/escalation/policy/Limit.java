package closedloop.escalation.policy;

import closedloop.contracts.TimeBasis;

import java.time.Duration;
import java.util.Objects;

/**
 * One time limit as a policy states it: an amount and how it is counted. In WORKING time, whole days are working days
 * on the business calendar (P3D = three working days) and the rest is working hours (PT4H = four working hours); in
 * CALENDAR time the amount simply elapses.
 *
 * @param amount how long, positive
 * @param basis  working or calendar time
 */
public record Limit(Duration amount, TimeBasis basis) {

    public Limit {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(basis, "basis");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("A time limit must be positive, not " + amount);
        }
    }

    public static Limit calendar(Duration amount) {
        return new Limit(amount, TimeBasis.CALENDAR);
    }

    public static Limit working(Duration amount) {
        return new Limit(amount, TimeBasis.WORKING);
    }

    /** This limit divided by {@code divisor}, same basis (URGENT halves every limit). */
    public Limit dividedBy(long divisor) {
        return new Limit(amount.dividedBy(divisor), basis);
    }

    @Override
    public String toString() {
        return amount + " " + basis;
    }
}
