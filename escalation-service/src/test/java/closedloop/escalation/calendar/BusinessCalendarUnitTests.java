package closedloop.escalation.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarUnitTests {

    private static final BusinessCalendar CN = BusinessCalendars.fromClasspath("CN");

    @ParameterizedTest
    @CsvSource({
            "2026-02-12, true", "2026-02-13, true", "2026-02-14, true",
            "2026-02-15, false", "2026-02-16, false", "2026-02-17, false", "2026-02-18, false", "2026-02-19, false",
            "2026-02-20, false", "2026-02-21, false", "2026-02-22, false", "2026-02-23, false",
            "2026-02-24, true", "2026-02-27, true", "2026-02-28, true", "2026-03-01, false", "2026-03-02, true"})
    void knowsTheWorkingDaysAroundTheSpringFestival(LocalDate date, boolean working) {
        assertThat(CN.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void countsFiveWorkingDaysAcrossTheSpringFestival() {
        // Fri 13, Sat 14 (调休), then Tue 24, Wed 25, Thu 26
        assertThat(CN.plusWorkingDays(at("2026-02-12T10:00"), 5)).isEqualTo(at("2026-02-26T10:00"));
    }

    @Test
    void addsWorkingHoursAcrossNationalDayAndItsSwappedSaturday() {
        // Wed 30 Sep 4 h, 1-7 Oct off, Thu 8 and Fri 9 Oct 7.5 h each, Sat 10 Oct (调休) 3 h + 2 h
        assertThat(CN.plusWorkingTime(at("2026-09-30T14:00"), Duration.ofHours(24)))
                .isEqualTo(at("2026-10-10T15:30"));
    }

    @Test
    void addsWorkingHoursAcrossTheSwappedSundayBeforeNationalDay() {
        // Fri 18 Sep 4 h, Sat 19 off, Sun 20 (调休) 7.5 h, Mon 21 7.5 h, Tue 22 3 h + 2 h
        assertThat(CN.plusWorkingTime(at("2026-09-18T14:00"), Duration.ofHours(24)))
                .isEqualTo(at("2026-09-22T15:30"));
    }

    @Test
    void countsNoWorkingTimeOverAWeekend() {
        assertThat(CN.workingTimeBetween(at("2026-03-06T17:00"), at("2026-03-09T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(CN.workingTimeBetween(at("2026-03-06T18:00"), at("2026-03-09T09:00"))).isZero();
    }

    @Test
    void countsNoWorkingTimeOverTheLunchBreak() {
        assertThat(CN.workingTimeBetween(at("2026-03-10T11:00"), at("2026-03-10T14:30")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(CN.workingTimeBetween(at("2026-03-10T12:00"), at("2026-03-10T13:30"))).isZero();
    }

    @Test
    void countsOnlyTheSwappedDayAcrossTheSpringFestival() {
        // Fri 13 1 h, Sat 14 (调休) 7.5 h, 15-23 off, Tue 24 1 h
        assertThat(CN.workingTimeBetween(at("2026-02-13T17:00"), at("2026-02-24T10:00")))
                .isEqualTo(Duration.ofMinutes(9 * 60 + 30));
    }

    @Test
    void countsNothingWhenTheEndIsNotAfterTheStart() {
        assertThat(CN.workingTimeBetween(at("2026-03-10T11:00"), at("2026-03-10T10:00"))).isZero();
        assertThat(CN.workingTimeBetween(at("2026-03-10T11:00"), at("2026-03-10T11:00"))).isZero();
    }

    @Test
    void startsAnEveningStartAtTheNextWorkingPeriod() {
        Instant thursdayEvening = at("2026-03-05T20:00");

        assertThat(CN.plusWorkingTime(thursdayEvening, Duration.ofHours(2))).isEqualTo(at("2026-03-06T11:00"));
        assertThat(CN.plusWorkingTime(thursdayEvening, Duration.ZERO)).isEqualTo(at("2026-03-06T09:00"));
        assertThat(CN.plusWorkingDays(thursdayEvening, 1)).isEqualTo(at("2026-03-06T18:00"));
    }

    @Test
    void startsAHolidayStartAtTheNextWorkingDay() {
        assertThat(CN.plusWorkingTime(at("2026-10-03T10:00"), Duration.ofHours(1))).isEqualTo(at("2026-10-08T10:00"));
        assertThat(CN.plusWorkingDays(at("2026-02-17T10:00"), 1)).isEqualTo(at("2026-02-24T18:00"));
        assertThat(CN.plusWorkingDays(at("2026-02-17T10:00"), 2)).isEqualTo(at("2026-02-25T18:00"));
    }

    @Test
    void givesTheWholeDayToAStartBeforeOpening() {
        assertThat(CN.plusWorkingDays(at("2026-03-05T08:00"), 1)).isEqualTo(at("2026-03-05T18:00"));
        assertThat(CN.plusWorkingDays(at("2026-03-05T09:00"), 1)).isEqualTo(at("2026-03-06T09:00"));
    }

    @Test
    void countsALunchBreakStartFromTheAfternoon() {
        assertThat(CN.plusWorkingDays(at("2026-03-05T12:30"), 1)).isEqualTo(at("2026-03-06T13:30"));
        assertThat(CN.plusWorkingTime(at("2026-03-05T12:30"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-03-05T14:00"));
    }

    @Test
    void endsOnTheCloseOfAPeriodRatherThanTheStartOfTheNext() {
        assertThat(CN.plusWorkingTime(at("2026-03-05T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-05T12:00"));
        assertThat(CN.plusWorkingTime(at("2026-03-05T10:00"), Duration.ofMinutes(450)))
                .isEqualTo(at("2026-03-06T10:00"));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-02-12T10:00, PT75H", "2026-09-30T20:00, PT24H", "2026-02-14T12:45, PT1M",
            "2026-12-31T17:00, PT8H", "2026-05-01T00:00, PT37H30M"})
    void measuresBackTheWorkingTimeItAdded(LocalDateTime start, Duration amount) {
        Instant from = at(start.toString());
        Instant end = CN.plusWorkingTime(from, amount);

        assertThat(CN.workingTimeBetween(from, end)).isEqualTo(amount);
    }

    @ParameterizedTest
    @CsvSource({"2026-02-12T10:00, 5", "2026-09-30T20:00, 3", "2026-02-14T12:45, 1", "2026-10-01T08:00, 10"})
    void putsWholeWorkingDaysBetweenStartAndResult(LocalDateTime start, int days) {
        Instant from = at(start.toString());

        assertThat(CN.workingTimeBetween(from, CN.plusWorkingDays(from, days)))
                .isEqualTo(Duration.ofMinutes(450).multipliedBy(days));
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> CN.plusWorkingTime(at("2026-03-05T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CN.plusWorkingDays(at("2026-03-05T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASwappedWorkingDayThatIsNoWeekendDay() {
        assertThatThrownBy(() -> new BusinessCalendar(BusinessCalendar.CHINA, BusinessCalendar.STANDARD_HOURS,
                Set.of(), Set.of(LocalDate.parse("2026-03-05")), Set.of(2026)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-03-05 is a THURSDAY");
    }

    @Test
    void refusesOverlappingWorkingPeriods() {
        List<WorkingPeriod> overlapping = List.of(new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingPeriod(LocalTime.of(11, 0), LocalTime.of(18, 0)));

        assertThatThrownBy(() -> new BusinessCalendar(BusinessCalendar.CHINA, overlapping, Set.of(), Set.of(),
                Set.of(2026)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.CHINA).toInstant();
    }

    @Test
    void takesTheYearsOfAnUploadAtOnceAndKeepsASnapshotAsItWas() {
        BusinessCalendar calendar = BusinessCalendars.fromClasspath("CN");
        BusinessCalendar before = calendar.snapshot();
        LocalDate newYearsDay = LocalDate.of(2027, 1, 1);
        assertThat(calendar.isWorkingDay(newYearsDay)).isTrue();

        calendar.takeYearsOf(BusinessCalendars.merge("CN", List.of(
                year(2026), new CalendarYear(2027, CN.zone(), List.of(newYearsDay), List.of(), CN.workingHours()))),
                "CN-2027-v1");

        assertThat(calendar.isWorkingDay(newYearsDay)).isFalse();
        assertThat(calendar.yearsWithData()).containsExactly(2026, 2027);
        assertThat(calendar.key()).isEqualTo("CN-2027-v1");
        assertThat(before.isWorkingDay(newYearsDay)).isTrue();
        assertThat(before.key()).isEmpty();
        assertThat(before.yearsWithData()).containsExactly(2026);
    }

    @Test
    void refusesTheYearsOfACalendarWithOtherHours() {
        BusinessCalendar calendar = BusinessCalendars.fromClasspath("CN");
        BusinessCalendar otherHours = new BusinessCalendar(CN.zone(), List.of(new WorkingPeriod(
                LocalTime.of(8, 0), LocalTime.of(17, 0))), Set.of(), Set.of(), Set.of(2027));

        assertThatThrownBy(() -> calendar.takeYearsOf(otherHours, "CN-2027-v1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(calendar.yearsWithData()).containsExactly(2026);
    }

    @Test
    void callsProvisionalWhatCountsOverAYearWithoutData() {
        assertThat(CN.isProvisional(at("2026-12-30T10:00"), at("2026-12-31T10:00"))).isFalse();
        assertThat(CN.isProvisional(at("2026-12-31T10:00"), at("2027-01-04T10:00"))).isTrue();
    }

    private static CalendarYear year(int number) {
        return BusinessCalendars.yearsOnClasspath("CN").stream().filter(year -> year.year() == number).findFirst()
                .orElseThrow();
    }
}
