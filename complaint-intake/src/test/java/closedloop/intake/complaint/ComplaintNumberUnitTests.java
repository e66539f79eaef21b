package closedloop.intake.complaint;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Complaint numbers, without Spring. */
class ComplaintNumberUnitTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void writesTheDayAndASixDigitCounter() {
        assertThat(ComplaintNumber.of(LocalDate.of(2026, 11, 22), 123)).isEqualTo("TS-20261122-000123");
        assertThat(ComplaintNumber.of(LocalDate.of(2027, 1, 5), 1)).isEqualTo("TS-20270105-000001");
        assertThat(ComplaintNumber.of(LocalDate.of(2027, 1, 5), 999_999)).isEqualTo("TS-20270105-999999");
        assertThat(ComplaintNumber.of(LocalDate.of(2027, 1, 5), 1)).matches(ComplaintNumber.FORMAT);
    }

    @Test
    void takesTheDayFromTheOperatorsZoneNotFromUtc() {
        Instant lateEveningUtc = Instant.parse("2026-11-22T16:30:00Z");
        assertThat(ComplaintNumber.dayOf(lateEveningUtc, SHANGHAI)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(ComplaintNumber.dayOf(lateEveningUtc, ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(ComplaintNumber.dayOf(Instant.parse("2026-11-22T15:59:59Z"), SHANGHAI))
                .isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void countsFromOne() {
        assertThatThrownBy(() -> ComplaintNumber.of(LocalDate.of(2026, 11, 22), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
