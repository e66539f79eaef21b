package closedloop.escalation.calendar;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarsUnitTests {

    private static final String HOURS = "\"workingHours\": [{\"from\": \"09:00\", \"to\": \"12:00\"}, "
            + "{\"from\": \"13:30\", \"to\": \"18:00\"}]";

    @TempDir
    Path directory;

    @Test
    void readsTheOfficialChinese2026Calendar() {
        BusinessCalendar cn = BusinessCalendars.fromClasspath("CN");

        assertThat(cn.zone()).isEqualTo(BusinessCalendar.CHINA);
        assertThat(cn.hasDataFor(2026)).isTrue();
        assertThat(cn.plusWorkingTime(LocalDate.parse("2026-03-05").atTime(11, 0).atZone(cn.zone()).toInstant(),
                Duration.ofHours(2))).isEqualTo(LocalDate.parse("2026-03-05").atTime(14, 30).atZone(cn.zone())
                .toInstant());
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-01, false", "2026-01-02, false", "2026-01-04, true", "2026-01-05, true",
            "2026-04-03, true", "2026-04-06, false", "2026-05-05, false", "2026-05-06, true", "2026-05-09, true",
            "2026-06-19, false", "2026-06-22, true", "2026-09-20, true", "2026-09-25, false", "2026-09-28, true",
            "2026-10-07, false", "2026-10-08, true", "2026-10-10, true", "2026-10-11, false"})
    void knowsEveryHolidayAndSwappedDayOf2026(LocalDate date, boolean working) {
        assertThat(BusinessCalendars.fromClasspath("CN").isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"year\": 2030, \"zone\": \"Asia/Shanghai\", |Unexpected end-of-input",
            "{\"year\": 2030, \"zone\": \"Asia/Shanghai\", \"holidays\": [\"2030-02-30\"], \"workingWeekends\": [], "
                    + HOURS + "}|2030-02-30",
            "{\"year\": 2030, \"zone\": \"Asia/Shanghai\", \"holidays\": [\"2031-01-01\"], \"workingWeekends\": [], "
                    + HOURS + "}|holiday 2031-01-01 is not in 2030",
            "{\"year\": 2030, \"zone\": \"Asia/Shanghai\", \"holidays\": [], \"workingWeekends\": []}"
                    + "|'workingHours' is missing",
            "{\"year\": 2030, \"zone\": \"Mars/Olympus\", \"holidays\": [], \"workingWeekends\": [], "
                    + HOURS + "}|Mars/Olympus",
            "{\"year\": 2030, \"zone\": \"Asia/Shanghai\", \"holiday\": [], \"workingWeekends\": [], "
                    + HOURS + "}|'holidays' is missing",
            "{\"year\": 2030, \"zone\": \"Asia/Shanghai\", \"holidays\": [], \"workingWeekends\": [], "
                    + "\"workingHours\": [{\"from\": \"18:00\", \"to\": \"09:00\"}]}|does not end after it starts",
            "{\"year\": 2031, \"zone\": \"Asia/Shanghai\", \"holidays\": [], \"workingWeekends\": [], "
                    + HOURS + "}|it holds year 2031"})
    void refusesAMalformedFileNamingTheFileAndTheFault(String content, String fault) throws IOException {
        Files.writeString(directory.resolve("XX-2030.json"), content);

        assertThatThrownBy(() -> BusinessCalendars.fromDirectory(directory, "XX"))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("Malformed calendar file")
                .hasMessageContaining("XX-2030.json")
                .hasMessageContaining(fault);
    }

    @Test
    void refusesASwappedWorkingDayOnAWeekday() throws IOException {
        write("XX-2030.json", 2030, "[]", "[\"2030-01-02\"]", HOURS);

        assertThatThrownBy(() -> BusinessCalendars.fromDirectory(directory, "XX"))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("2030-01-02 is a WEDNESDAY");
    }

    @Test
    void mergesTheYearsOfARegion() throws IOException {
        write("XX-2030.json", 2030, "[\"2030-12-31\"]", "[]", HOURS);
        write("XX-2031.json", 2031, "[\"2031-01-01\"]", "[\"2031-01-04\"]", HOURS);

        BusinessCalendar xx = BusinessCalendars.fromDirectory(directory, "XX");

        assertThat(xx.hasDataFor(2030)).isTrue();
        assertThat(xx.hasDataFor(2031)).isTrue();
        assertThat(xx.isWorkingDay(LocalDate.parse("2030-12-31"))).isFalse();
        assertThat(xx.isWorkingDay(LocalDate.parse("2031-01-01"))).isFalse();
        assertThat(xx.isWorkingDay(LocalDate.parse("2031-01-02"))).isTrue();
        assertThat(xx.isWorkingDay(LocalDate.parse("2031-01-04"))).isTrue();
    }

    @Test
    void refusesYearsThatDisagreeOnWorkingHours() throws IOException {
        write("XX-2030.json", 2030, "[]", "[]", HOURS);
        write("XX-2031.json", 2031, "[]", "[]", "\"workingHours\": [{\"from\": \"08:00\", \"to\": \"17:00\"}]");

        assertThatThrownBy(() -> BusinessCalendars.fromDirectory(directory, "XX"))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("disagrees");
    }

    @Test
    void refusesARegionWithoutFiles() {
        assertThatThrownBy(() -> BusinessCalendars.fromDirectory(directory, "XX"))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("No calendar files for region XX");
    }

    @Test
    void countsAYearWithoutAFileAsPlainWeeksAndWarnsOnce() {
        BusinessCalendar cn = BusinessCalendars.fromClasspath("CN");
        Logger logger = (Logger) LoggerFactory.getLogger(BusinessCalendar.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            assertThat(cn.hasDataFor(2027)).isFalse();
            assertThat(cn.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue(); // a Friday, no holiday known
            assertThat(cn.isWorkingDay(LocalDate.parse("2027-02-06"))).isFalse(); // a Saturday
            assertThat(cn.plusWorkingDays(LocalDateTime.parse("2027-02-05T10:00").atZone(cn.zone()).toInstant(), 1))
                    .isEqualTo(LocalDateTime.parse("2027-02-08T10:00").atZone(cn.zone()).toInstant());

            assertThat(log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel().toString()).isEqualTo("WARN");
                assertThat(event.getFormattedMessage()).contains("2027").contains("plain Monday-Friday weeks");
            });
        } finally {
            logger.detachAppender(log);
        }
    }

    private void write(String name, int year, String holidays, String workingWeekends, String hours)
            throws IOException {
        Files.writeString(directory.resolve(name), "{\"year\": " + year + ", \"zone\": \"Asia/Shanghai\", "
                + "\"holidays\": " + holidays + ", \"workingWeekends\": " + workingWeekends + ", " + hours + "}");
    }
}
