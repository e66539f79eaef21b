package closedloop.escalation.policy;

import closedloop.contracts.TimeBasis;
import closedloop.escalation.calendar.BusinessCalendars;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingTimeUnitTests {

    private final WorkingTime time = new WorkingTime(BusinessCalendars.fromClasspath("CN"));

    @Test
    void threeWorkingDaysFromTheEveOfNationalDayEndOnTheSwappedSaturday() {
        // Oct 1-7 are holidays; Thu 8, Fri 9 and the swapped Saturday 10 are working days
        Instant deadline = time.deadline(beijing("2026-09-30T10:00"), Limit.working(Duration.ofDays(3)));

        assertThat(deadline).isEqualTo(beijing("2026-10-10T10:00"));
    }

    @Test
    void workingHoursSkipTheLunchBreak() {
        Instant deadline = time.deadline(beijing("2026-11-23T10:00"), Limit.working(Duration.ofHours(4)));

        assertThat(deadline).isEqualTo(beijing("2026-11-23T15:30"));
    }

    @Test
    void workingDaysAndHoursAddUp() {
        Instant deadline = time.deadline(beijing("2026-11-27T17:00"), Limit.working(Duration.ofDays(1).plusHours(2)));

        // Fri 17:00 + 1 working day = Mon 17:00; + 2 working hours = 1 h on Monday, 1 h on Tuesday
        assertThat(deadline).isEqualTo(beijing("2026-12-01T10:00"));
    }

    @Test
    void calendarLimitsIgnoreTheCalendar() {
        Instant deadline = time.deadline(beijing("2026-09-30T10:00"), Limit.calendar(Duration.ofDays(15)));

        assertThat(deadline).isEqualTo(beijing("2026-10-15T10:00"));
    }

    @Test
    void warningComesAtThreeQuartersOfTheWorkingTime() {
        // 3 working days = 22.5 working hours; 75 % = 16 h 52 min 30 s: 6.5 h on Sep 30, 7.5 h on Oct 8, the rest on Oct 9
        Instant warning = time.share(beijing("2026-09-30T10:00"), beijing("2026-10-10T10:00"), TimeBasis.WORKING, 75);

        assertThat(warning).isEqualTo(beijing("2026-10-09T11:52:30"));
    }

    @Test
    void warningComesAtThreeQuartersOfTheCalendarTime() {
        Instant warning = time.share(beijing("2026-11-23T10:00"), beijing("2026-11-24T10:00"), TimeBasis.CALENDAR, 75);

        assertThat(warning).isEqualTo(beijing("2026-11-24T04:00"));
    }

    @Test
    void aPauseMovesAWorkingDeadlineByTheWorkingTimePaused() {
        // paused Sep 30 16:00, resumed Oct 8 09:00: only the 2 working hours of Sep 30 were lost
        Instant moved = time.afterPause(beijing("2026-10-10T10:00"), beijing("2026-09-30T16:00"),
                beijing("2026-10-08T09:00"), TimeBasis.WORKING);

        assertThat(moved).isEqualTo(beijing("2026-10-10T12:00"));
    }

    @Test
    void aPauseMovesACalendarDeadlineByTheTimePaused() {
        Instant moved = time.afterPause(beijing("2026-11-24T10:00"), beijing("2026-11-23T12:00"),
                beijing("2026-11-23T20:30"), TimeBasis.CALENDAR);

        assertThat(moved).isEqualTo(beijing("2026-11-24T18:30"));
    }

    @Test
    void aPauseAfterTheDeadlineLeavesNothingToMove() {
        Instant moved = time.afterPause(beijing("2026-11-24T10:00"), beijing("2026-11-24T11:00"),
                beijing("2026-11-24T15:00"), TimeBasis.CALENDAR);

        assertThat(moved).isEqualTo(beijing("2026-11-24T15:00"));
    }

    @Test
    void betweenCountsInTheGivenBasis() {
        assertThat(time.between(beijing("2026-09-30T16:00"), beijing("2026-10-08T10:00"), TimeBasis.WORKING))
                .isEqualTo(Duration.ofHours(3));
        assertThat(time.between(beijing("2026-09-30T16:00"), beijing("2026-10-08T10:00"), TimeBasis.CALENDAR))
                .isEqualTo(Duration.ofDays(7).plusHours(18));
        assertThat(time.between(beijing("2026-10-08T10:00"), beijing("2026-09-30T16:00"), TimeBasis.CALENDAR))
                .isZero();
    }

    private static Instant beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + (localDateTime.length() == 16 ? ":00" : "") + "+08:00").toInstant();
    }
}
