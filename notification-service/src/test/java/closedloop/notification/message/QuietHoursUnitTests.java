package closedloop.notification.message;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursUnitTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);

    @Test
    void holdsACustomerSmsRecordedInTheEveningUntilEightTheNextMorning() {
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS, shanghai("2026-11-23T22:15")))
                .contains(shanghai("2026-11-24T08:00"));
    }

    @Test
    void holdsACustomerSmsRecordedAfterMidnightUntilEightTheSameMorning() {
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS, shanghai("2026-11-24T03:00")))
                .contains(shanghai("2026-11-24T08:00"));
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS, shanghai("2026-11-24T00:00")))
                .contains(shanghai("2026-11-24T08:00"));
    }

    @Test
    void holdsFromNineInTheEveningOnTheDot() {
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS, shanghai("2026-11-23T21:00")))
                .contains(shanghai("2026-11-24T08:00"));
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS,
                shanghai("2026-11-23T21:00").minusNanos(1))).isEmpty();
    }

    @Test
    void sendsAtOnceFromEightInTheMorningOnTheDot() {
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS, shanghai("2026-11-24T08:00")))
                .isEmpty();
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS,
                shanghai("2026-11-24T08:00").minusNanos(1))).contains(shanghai("2026-11-24T08:00"));
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.SMS, shanghai("2026-11-24T14:00")))
                .isEmpty();
    }

    @Test
    void neverHoldsStaffMessagesNorCustomerMessagesOnOtherChannels() {
        Instant night = shanghai("2026-11-23T23:00");

        assertThat(NIGHT.holdUntil(RecipientKind.BRANCH, MessageChannel.LIVE, night)).isEmpty();
        assertThat(NIGHT.holdUntil(RecipientKind.BRANCH, MessageChannel.SMS, night)).isEmpty();
        assertThat(NIGHT.holdUntil(RecipientKind.SUPERVISORS, MessageChannel.EMAIL, night)).isEmpty();
        assertThat(NIGHT.holdUntil(RecipientKind.SUPERVISORS, MessageChannel.SMS, night)).isEmpty();
        assertThat(NIGHT.holdUntil(RecipientKind.CUSTOMER, MessageChannel.EMAIL, night)).isEmpty();
    }

    @Test
    void readsTheWindowOnTheWallClockOfTheConfiguredZone() {
        QuietHours berlin = new QuietHoursProperties(LocalTime.of(21, 0), LocalTime.of(8, 0))
                .in(ZoneId.of("Europe/Berlin"));
        // 14:30 UTC is 22:30 in Shanghai but 15:30 in Berlin
        Instant afternoonInBerlin = Instant.parse("2026-11-23T14:30:00Z");

        assertThat(NIGHT.endOfWindowAround(afternoonInBerlin)).contains(shanghai("2026-11-24T08:00"));
        assertThat(berlin.endOfWindowAround(afternoonInBerlin)).isEmpty();
        assertThat(berlin.endOfWindowAround(Instant.parse("2026-11-23T21:00:00Z")))
                .contains(Instant.parse("2026-11-24T07:00:00Z"));
    }

    @Test
    void endsTheWindowAtEightLocalTimeAcrossADaylightSavingChange() {
        QuietHours berlin = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Europe/Berlin"));

        // the clocks go forward in the night of 2027-03-27/28: 08:00 is then 06:00 UTC instead of 07:00
        assertThat(berlin.endOfWindowAround(Instant.parse("2027-03-27T21:00:00Z")))
                .contains(Instant.parse("2027-03-28T06:00:00Z"));
    }

    @Test
    void handlesAWindowWithinOneDayAndNoWindowAtAll() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);
        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), SHANGHAI);

        assertThat(lunch.endOfWindowAround(shanghai("2026-11-23T12:45"))).contains(shanghai("2026-11-23T13:30"));
        assertThat(lunch.endOfWindowAround(shanghai("2026-11-23T13:30"))).isEmpty();
        assertThat(lunch.endOfWindowAround(shanghai("2026-11-23T22:00"))).isEmpty();
        assertThat(none.endOfWindowAround(shanghai("2026-11-23T03:00"))).isEmpty();
    }

    static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
