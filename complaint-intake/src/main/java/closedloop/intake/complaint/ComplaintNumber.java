package closedloop.intake.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** The human number of a complaint, {@code TS-yyyyMMdd-NNNNNN}: the operator's calendar day and that day's counter. */
public final class ComplaintNumber {

    public static final Pattern FORMAT = Pattern.compile("TS-\\d{8}-\\d{6,}");

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ComplaintNumber() {
    }

    /** The calendar day, in the operator's zone, on which the instant falls. */
    public static LocalDate dayOf(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The number of the {@code sequence}-th complaint of the day, counting from 1. */
    public static String of(LocalDate day, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("A day's complaints count from 1, not " + sequence);
        }
        return "TS-" + DAY.format(day) + "-" + String.format("%06d", sequence);
    }
}
