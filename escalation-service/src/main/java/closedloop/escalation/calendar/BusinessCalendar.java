package closedloop.escalation.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working time in one time zone (docs/architecture.md §4): every working day has the same working periods (by default
 * 09:00–12:00 and 13:30–18:00); a date is a working day when it is a swapped working day (调休, a Saturday or Sunday
 * that is worked), or a Monday to Friday that is not a public holiday.
 * <p>
 * A year without calendar data falls back to plain Monday–Friday weeks; the first time such a year is used, a warning
 * is logged. Thread-safe: the zone and working hours never change, and the years' data (holidays, swapped days, which
 * years are known) is one immutable whole that {@link #takeYearsOf} replaces at once when an administrator uploads a
 * year, so every day is judged by either the old years or the new ones (a computation under way at that moment may
 * count its later days with the new). The arithmetic walks whole days and working periods, never minutes.
 */
public final class BusinessCalendar {

    /** The zone of mainland China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The default working day: 09:00–12:00 and 13:30–18:00. */
    public static final List<WorkingPeriod> STANDARD_HOURS = List.of(
            new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(18, 0)));

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

    private final ZoneId zone;
    private final List<WorkingPeriod> workingHours;
    private volatile Years years;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    /**
     * A calendar; {@code yearsWithData} are the years whose holidays and swapped days are known (any other year is
     * plain weeks, with a warning). Refuses a swapped working day that is not a Saturday or Sunday, and a date that is
     * both a holiday and a swapped working day.
     */
    public BusinessCalendar(ZoneId zone, List<WorkingPeriod> workingHours, Set<LocalDate> holidays,
            Set<LocalDate> workingWeekends, Set<Integer> yearsWithData) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.workingHours = WorkingPeriod.day(workingHours);
        this.years = new Years(Set.copyOf(holidays), Set.copyOf(workingWeekends), Set.copyOf(yearsWithData), "");
        workingWeekends.forEach(BusinessCalendar::requireWeekend);
        workingWeekends.stream().filter(holidays::contains).findFirst().ifPresent(date -> {
            throw new IllegalArgumentException(date + " is both a holiday and a swapped working day");
        });
    }

    /**
     * From now on counts with the years of {@code other} (an uploaded year merged with the rest), replacing this
     * calendar's all at once, and is known by {@code key} (the uploads it counts with, e.g. {@code CN-2027-v1});
     * refuses a calendar of another zone or other working hours.
     */
    public void takeYearsOf(BusinessCalendar other, String key) {
        if (!other.zone.equals(zone) || !other.workingHours.equals(workingHours)) {
            throw new IllegalArgumentException("A calendar of " + other.zone + " " + other.workingHours
                    + " cannot replace one of " + zone + " " + workingHours);
        }
        Years taken = other.years;
        years = new Years(taken.holidays, taken.workingWeekends, taken.withData, key);
        warnedYears.removeIf(taken.withData::contains);
    }

    /** A calendar with this one's years and key as they are now, unchanged by later uploads. */
    public BusinessCalendar snapshot() {
        BusinessCalendar copy = new BusinessCalendar(zone, workingHours, Set.of(), Set.of(), Set.of());
        copy.years = years;
        return copy;
    }

    /**
     * Which uploads the calendar counts with: their ids in order, comma-separated ({@code CN-2027-v1,CN-2028-v2}),
     * empty when it counts with the shipped years alone. A deadline remembers the key it was counted on.
     */
    public String key() {
        return years.key;
    }

    /** The working periods of every working day. */
    public List<WorkingPeriod> workingHours() {
        return workingHours;
    }

    /** The zone whose wall clock the working periods follow. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether the holidays and swapped working days of this year are known (else it counts as plain weeks). */
    public boolean hasDataFor(int year) {
        return years.withData.contains(year);
    }

    /** The years whose holidays and swapped working days are known, in order. */
    public List<Integer> yearsWithData() {
        return years.withData.stream().sorted().toList();
    }

    /**
     * Whether working time from {@code from} to {@code to} was counted on plain Monday–Friday weeks for some year in
     * between (no data for it), so that a deadline computed over it may move when that year's calendar arrives.
     */
    public boolean isProvisional(Instant from, Instant to) {
        int last = localDate(to).getYear();
        for (int year = localDate(from).getYear(); year <= last; year++) {
            if (!hasDataFor(year)) {
                return true;
            }
        }
        return false;
    }

    /** A swapped working day, or a Monday to Friday that is not a public holiday. */
    public boolean isWorkingDay(LocalDate date) {
        warnOnceIfNoData(date.getYear());
        Years known = years;
        if (known.workingWeekends.contains(date)) {
            return true;
        }
        return !isWeekend(date) && !known.holidays.contains(date);
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}. A start outside working
     * time counts from the next working period; a result that falls exactly on the end of a period stays there (so a
     * zero amount at 12:00 gives 12:00, and at 20:00 gives the next working day's 09:00).
     */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative working time: " + amount);
        }
        Duration remaining = amount;
        for (LocalDate date = localDate(start); ; date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : workingHours) {
                Instant from = latest(start, at(date, period.from()));
                Instant to = at(date, period.to());
                if (from.isAfter(to)) {
                    continue;
                }
                Duration available = Duration.between(from, to);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /**
     * The instant {@code days} working days after {@code start}. The rule:
     * <ul>
     * <li>a start within working time (period ends included) gives the same time of day on the {@code days}-th
     * working day after the start's date;</li>
     * <li>a start before the day's opening, after its closing, or on a non-working day gives the end of working time
     * (closing) of the {@code days}-th working day counting the next working day that has all its working time ahead
     * as the first (so Thursday 20:00 + 1 = Friday 18:00, and Thursday 08:00 + 1 = Thursday 18:00);</li>
     * <li>a start in a break between periods (lunch) counts from the next period's start, at that time of day.</li>
     * </ul>
     * Either way, exactly {@code days} whole working days of working time lie between start and result. Zero days gives
     * the next working instant.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("negative working days: " + days);
        }
        Instant begin = plusWorkingTime(start, Duration.ZERO);
        if (days == 0) {
            return begin;
        }
        LocalDateTime local = LocalDateTime.ofInstant(begin, zone);
        boolean wholeDayAhead = !begin.equals(start) && local.toLocalTime().equals(opening());
        if (wholeDayAhead) {
            return at(nthWorkingDayAfter(local.toLocalDate(), days - 1), closing());
        }
        return at(nthWorkingDayAfter(local.toLocalDate(), days), local.toLocalTime());
    }

    /** The working time that passes from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                total = total.plus(workingTimeOn(date, from, to));
            }
        }
        return total;
    }

    private Duration workingTimeOn(LocalDate date, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (WorkingPeriod period : workingHours) {
            Instant start = latest(from, at(date, period.from()));
            Instant end = earliest(to, at(date, period.to()));
            if (start.isBefore(end)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private LocalDate nthWorkingDayAfter(LocalDate date, int n) {
        LocalDate day = date;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    private void warnOnceIfNoData(int year) {
        if (!hasDataFor(year) && warnedYears.add(year)) {
            log.warn("No business calendar data for {}: counting it as plain Monday-Friday weeks without public "
                    + "holidays. Add its calendar file (see calendars/README.md).", year);
        }
    }

    private LocalTime opening() {
        return workingHours.get(0).from();
    }

    private LocalTime closing() {
        return workingHours.get(workingHours.size() - 1).to();
    }

    private Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static void requireWeekend(LocalDate date) {
        if (!isWeekend(date)) {
            throw new IllegalArgumentException("swapped working day " + date + " is a " + date.getDayOfWeek()
                    + ", not a Saturday or Sunday");
        }
    }

    /** The data of the known years, replaced as a whole. */
    private record Years(Set<LocalDate> holidays, Set<LocalDate> workingWeekends, Set<Integer> withData, String key) {
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
