package closedloop.notification.notice;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** At most one registration acknowledgement per phone within the interval. */
class AcknowledgementWindowUnitTests {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    final AcknowledgementWindow window = AcknowledgementWindow.none("13800138000");
    final String first = UUID.randomUUID().toString();

    @Test
    void letsTheFirstAcknowledgementGoAndHoldsBackTheNextWithinTenMinutesSayingWhy() {
        assertThat(window.admit(first, "complaint-1", NOW, TEN_MINUTES)).isEmpty();

        assertThat(window.admit(UUID.randomUUID().toString(), "complaint-2", NOW.plus(TEN_MINUTES).minusMillis(1),
                TEN_MINUTES)).contains("At most one acknowledgement SMS per phone within PT10M: complaint "
                + "complaint-1 was acknowledged to the same phone at " + NOW);
        assertThat(window.complaintId()).isEqualTo("complaint-1");
        assertThat(window.expiresAt()).isEqualTo(NOW.plus(TEN_MINUTES));
    }

    @Test
    void letsTheNextGoOnceTenMinutesPassed() {
        window.admit(first, "complaint-1", NOW, TEN_MINUTES);

        assertThat(window.admit(UUID.randomUUID().toString(), "complaint-2", NOW.plus(TEN_MINUTES), TEN_MINUTES))
                .isEmpty();

        assertThat(window.complaintId()).isEqualTo("complaint-2");
        assertThat(window.acknowledgedAt()).isEqualTo(NOW.plus(TEN_MINUTES));
    }

    @Test
    void letsTheSameRegistrationGoAgainWhenItsEventComesTwice() {
        window.admit(first, "complaint-1", NOW, TEN_MINUTES);

        assertThat(window.admit(first, "complaint-1", NOW.plusSeconds(30), TEN_MINUTES)).isEmpty();

        assertThat(window.acknowledgedAt()).isEqualTo(NOW);
    }

    @Test
    void acknowledgesEveryRegistrationWithAnIntervalOfZero() {
        window.admit(first, "complaint-1", NOW, Duration.ZERO);

        assertThat(window.admit(UUID.randomUUID().toString(), "complaint-2", NOW, Duration.ZERO)).isEmpty();
    }
}
