package closedloop.escalation.supervision.web;

import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A decision's deadline must lie after now by the service's clock. */
class FutureInstantUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    private final MutableClock clock = MutableClock.of(NOW, ZoneOffset.UTC);
    private final FutureInstant.Validator validator = new FutureInstant.Validator(clock);

    @Test
    void acceptsOnlyAnInstantAfterNowByTheInjectedClock() {
        assertThat(validator.isValid("2026-11-23T01:00:01Z", null)).isTrue();
        assertThat(validator.isValid("2026-11-23T01:00:00Z", null)).isFalse();
        assertThat(validator.isValid("2026-11-22T23:00:00Z", null)).isFalse();

        clock.setInstant(Instant.parse("2026-11-24T00:00:00Z"));

        assertThat(validator.isValid("2026-11-23T01:00:01Z", null)).isFalse();
    }

    @Test
    void leavesTextThatIsNoInstantToIsoInstant() {
        assertThat(validator.isValid("tomorrow", null)).isTrue();
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
