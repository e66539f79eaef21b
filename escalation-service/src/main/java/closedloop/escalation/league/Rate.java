package closedloop.escalation.league;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share of tickets or complaints: {@code count} of {@code outOf}, and the rate between 0 and 1 rounded to four
 * places; the rate is null when nothing counts ({@code outOf} is 0), never 0 or NaN.
 */
public record Rate(Double rate, long count, long outOf) {

    public static Rate of(long count, long outOf) {
        if (count < 0 || count > outOf) {
            throw new IllegalArgumentException("Cannot have " + count + " of " + outOf);
        }
        Double rate = outOf == 0 ? null
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(outOf), 4, RoundingMode.HALF_UP).doubleValue();
        return new Rate(rate, count, outOf);
    }
}
