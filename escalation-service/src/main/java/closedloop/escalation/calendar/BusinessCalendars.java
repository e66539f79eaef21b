package closedloop.escalation.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the calendar files of a region ({@code <region>-<year>.json}, e.g. {@code CN-2026.json}) and merges their
 * years into one {@link BusinessCalendar}. Every file must name the year of its file name and share the zone and
 * working hours of the others; a year without a file counts as plain Monday–Friday weeks (with a warning).
 */
public final class BusinessCalendars {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private BusinessCalendars() {
    }

    /** The region's calendar from the files {@code calendars/<region>-<year>.json} on the classpath. */
    public static BusinessCalendar fromClasspath(String region) {
        return merge(region, yearsOnClasspath(region));
    }

    /** The years of the files {@code calendars/<region>-<year>.json} on the classpath. */
    public static List<CalendarYear> yearsOnClasspath(String region) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:calendars/" + region + "-*.json");
            List<CalendarYear> years = new ArrayList<>();
            for (Resource resource : resources) {
                String name = "calendars/" + resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    years.add(read(name, region, in));
                }
            }
            return years;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the calendar files of " + region, e);
        }
    }

    /** The region's calendar from the files {@code <region>-<year>.json} in a directory (editable without a release). */
    public static BusinessCalendar fromDirectory(Path directory, String region) {
        return merge(region, yearsInDirectory(directory, region));
    }

    /** The years of the files {@code <region>-<year>.json} in a directory. */
    public static List<CalendarYear> yearsInDirectory(Path directory, String region) {
        List<CalendarYear> years = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, region + "-*.json")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    years.add(read(file.toString(), region, in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar files of " + region + " in " + directory, e);
        }
        return years;
    }

    /** One calendar file; {@code name} ({@code <region>-<year>.json}) must match the year inside it. */
    public static CalendarYear read(String name, String region, InputStream in) {
        CalendarYear year;
        try {
            year = JSON.readValue(in, CalendarYear.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidCalendarException("Malformed calendar file " + name + ": " + rootMessage(e), e);
        }
        if (year == null) {
            throw new InvalidCalendarException("Malformed calendar file " + name + ": it is empty", null);
        }
        Integer named = yearInName(name, region);
        if (named != null && !named.equals(year.year())) {
            throw new InvalidCalendarException("Malformed calendar file " + name + ": it holds year " + year.year(),
                    null);
        }
        return year;
    }

    /** One year in the shape of its calendar file, which {@link #read} reads back. */
    public static String write(CalendarYear year) {
        try {
            return JSON.writeValueAsString(year);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write calendar year " + year.year(), e);
        }
    }

    /** The years merged into one calendar; refuses none, a year twice, or years that disagree on zone or hours. */
    public static BusinessCalendar merge(String region, Collection<CalendarYear> years) {
        if (years.isEmpty()) {
            throw new InvalidCalendarException("No calendar files for region " + region, null);
        }
        CalendarYear first = years.iterator().next();
        Set<Integer> numbers = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workingWeekends = new HashSet<>();
        for (CalendarYear year : years) {
            requireAgrees(region, first, year);
            if (!numbers.add(year.year())) {
                throw new InvalidCalendarException("Calendar " + region + " has year " + year.year() + " twice", null);
            }
            holidays.addAll(year.holidays());
            workingWeekends.addAll(year.workingWeekends());
        }
        try {
            return new BusinessCalendar(first.zone(), first.workingHours(), holidays, workingWeekends, numbers);
        } catch (IllegalArgumentException e) {
            throw new InvalidCalendarException("Invalid calendar " + region + ": " + e.getMessage(), e);
        }
    }

    private static void requireAgrees(String region, CalendarYear first, CalendarYear year) {
        ZoneId zone = year.zone();
        if (!zone.equals(first.zone()) || !year.workingHours().equals(first.workingHours())) {
            throw new InvalidCalendarException("Calendar " + region + ": year " + year.year() + " (" + zone + " "
                    + year.workingHours() + ") disagrees with year " + first.year() + " (" + first.zone() + " "
                    + first.workingHours() + ") on zone or working hours", null);
        }
    }

    private static Integer yearInName(String name, String region) {
        Matcher matcher = Pattern.compile(Pattern.quote(region) + "-(\\d{4})\\.json$").matcher(name);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
