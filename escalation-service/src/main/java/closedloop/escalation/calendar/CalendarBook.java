package closedloop.escalation.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * The business calendar's years: the shipped ones and, over them, the ones administrators upload (docs/sla-engine.md,
 * "The business calendar"). An upload is stored as the next version of its year, never changed, and the calendar
 * counts with it at once; the other instances take it at their next refresh. A year uploaded again replaces the
 * earlier version; an uploaded year replaces the shipped file of that year.
 */
@Service
public class CalendarBook implements SmartInitializingSingleton {

    /** The name of the pass that looks for uploads made through other instances. */
    public static final String REFRESH_PASS = "calendarRefresh";

    private static final Logger log = LoggerFactory.getLogger(CalendarBook.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final BusinessCalendar calendar;
    private final ShippedCalendar shipped;
    private final UploadedCalendars uploads;
    private final CalendarProperties properties;
    private final Clock clock;
    private volatile Map<Integer, UploadedCalendar> applied = Map.of();
    /** Every upload read so far, by id (versions never change), and the calendars rebuilt from them by key. */
    private final Map<String, UploadedCalendar> seen = new ConcurrentHashMap<>();
    private final Map<String, BusinessCalendar> byKey = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    public CalendarBook(BusinessCalendar calendar, ShippedCalendar shipped, UploadedCalendars uploads,
                        CalendarProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.calendar = calendar;
        this.shipped = shipped;
        this.uploads = uploads;
        this.properties = properties;
        this.clock = clock;
    }

    /** The region whose calendar this is. */
    public String region() {
        return shipped.region();
    }

    /** The calendar every deadline is computed on. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * Stores {@code year} as the next version of its year, uploaded by {@code actor}, and counts with it from now on.
     * Two uploads of one year at the same moment: the second fails with {@link DuplicateKeyException}.
     */
    public Mono<UploadedCalendar> upload(CalendarYear year, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return uploads.findByRegion(region())
                .filter(upload -> upload.year() == year.year())
                .map(UploadedCalendar::version)
                .reduce(0, Math::max)
                .flatMap(latest -> uploads.insert(UploadedCalendar.of(region(), year, latest + 1, now, actor)))
                .doOnNext(stored -> log.info("Calendar {} {} v{} uploaded by {}: {} holidays, {} swapped working days",
                        region(), year.year(), stored.version(), actor, year.holidays().size(),
                        year.workingWeekends().size()))
                .flatMap(stored -> refresh().thenReturn(stored));
    }

    /** Reads the uploads and, when they changed since the last look, counts with them; emits whether they changed. */
    public Mono<Boolean> refresh() {
        return uploads.findByRegion(region()).collectList()
                .doOnNext(all -> all.forEach(upload -> seen.putIfAbsent(upload.id(), upload)))
                .map(CalendarBook::latestPerYear)
                .map(latest -> {
                    if (latest.equals(applied)) {
                        return false;
                    }
                    install(latest);
                    return true;
                });
    }

    /** The years the calendar knows, each with where it came from, and whether next year's is missing. */
    public CalendarStatus status() {
        Map<Integer, UploadedCalendar> uploaded = applied;
        List<CalendarStatus.Year> years = calendar.yearsWithData().stream()
                .map(year -> uploaded.containsKey(year)
                        ? CalendarStatus.Year.uploaded(uploaded.get(year))
                        : CalendarStatus.Year.shipped(year))
                .toList();
        int next = today().getYear() + 1;
        return new CalendarStatus(region(), calendar.zone(), years, next, calendar.hasDataFor(next),
                nextYearMissing());
    }

    /**
     * Whether next year's calendar is missing and it is time to say so: from the configured day of the year
     * (1 December by default) in the calendar's zone.
     */
    public boolean nextYearMissing() {
        LocalDate today = today();
        return !today.isBefore(properties.warningFrom().atYear(today.getYear()))
                && !calendar.hasDataFor(today.getYear() + 1);
    }

    /** Counts with the uploads at start; an instance that cannot read them does not start. */
    @Override
    public void afterSingletonsInstantiated() {
        refresh().block(STARTUP_TIMEOUT);
    }

    private void install(Map<Integer, UploadedCalendar> latest) {
        Map<Integer, UploadedCalendar> previous = applied;
        Map<Integer, CalendarYear> years = new TreeMap<>();
        shipped.years().forEach(year -> years.put(year.year(), year));
        latest.values().forEach(upload -> years.put(upload.year(), upload.calendarYear()));
        calendar.takeYearsOf(BusinessCalendars.merge(region(), years.values()), keyOf(latest));
        applied = latest;
        log.info("Calendar {} counts with the years {} (uploaded: {})", region(), years.keySet(),
                latest.values().stream().map(upload -> upload.year() + " v" + upload.version()).toList());
        java.util.Set<Integer> changed = changedYears(previous, latest);
        events.publishEvent(new CalendarChanged(calendar.key(), changed, changed.stream().min(Integer::compare)
                .map(year -> LocalDate.of(year, 1, 1).atStartOfDay(calendar.zone()).toInstant()).orElse(null)));
    }

    /**
     * The calendar known by {@code key} (see {@link BusinessCalendar#key}): the shipped years and the uploads the key
     * names, as the deadlines counted on it saw them; empty while an upload it names has not been read here yet.
     */
    public Optional<BusinessCalendar> calendarFor(String key) {
        String wanted = key == null ? "" : key;
        if (wanted.equals(calendar.key())) {
            return Optional.of(calendar.snapshot());
        }
        return Optional.ofNullable(byKey.computeIfAbsent(wanted, this::rebuild));
    }

    private BusinessCalendar rebuild(String key) {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        shipped.years().forEach(year -> years.put(year.year(), year));
        for (String id : key.isEmpty() ? List.<String>of() : List.of(key.split(","))) {
            UploadedCalendar upload = seen.get(id);
            if (upload == null) {
                return null;
            }
            years.put(upload.year(), upload.calendarYear());
        }
        BusinessCalendar rebuilt = BusinessCalendars.merge(region(), years.values());
        rebuilt.takeYearsOf(rebuilt.snapshot(), key);
        return rebuilt;
    }

    private static java.util.Set<Integer> changedYears(Map<Integer, UploadedCalendar> before,
                                                       Map<Integer, UploadedCalendar> after) {
        java.util.Set<Integer> years = new java.util.TreeSet<>(before.keySet());
        years.addAll(after.keySet());
        years.removeIf(year -> java.util.Objects.equals(before.get(year), after.get(year)));
        return years;
    }

    private static String keyOf(Map<Integer, UploadedCalendar> latest) {
        return latest.values().stream().map(UploadedCalendar::id).collect(Collectors.joining(","));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    private static Map<Integer, UploadedCalendar> latestPerYear(List<UploadedCalendar> all) {
        BinaryOperator<UploadedCalendar> later = (a, b) -> a.version() >= b.version() ? a : b;
        return all.stream().collect(Collectors.toMap(UploadedCalendar::year, upload -> upload, later, TreeMap::new));
    }
}
