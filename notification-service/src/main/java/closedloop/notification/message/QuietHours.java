package closedloop.notification.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours in which customers get no SMS (by default 21:00 to 08:00 on the wall clock of the operator's zone): a
 * customer SMS recorded then is held until they end. Staff messages are never held. The window may span midnight;
 * its start belongs to it, its end does not; a window that starts when it ends is no window at all.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** Until when a message recorded at this instant is held: only a customer SMS in quiet hours is. */
    public Optional<Instant> holdUntil(RecipientKind recipientKind, MessageChannel channel, Instant recordedAt) {
        if (recipientKind != RecipientKind.CUSTOMER || channel != MessageChannel.SMS) {
            return Optional.empty();
        }
        return endOfWindowAround(recordedAt);
    }

    /** The end of the quiet hours this instant falls in; empty when it falls outside them. */
    public Optional<Instant> endOfWindowAround(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (start.equals(end)) {
            return Optional.empty();
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(day, end)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(at(day.plusDays(1), end));
        }
        return time.isBefore(end) ? Optional.of(at(day, end)) : Optional.empty();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
