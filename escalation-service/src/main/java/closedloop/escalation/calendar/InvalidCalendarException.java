package closedloop.escalation.calendar;

/** A calendar data file that cannot be read or does not make sense; the message names the file and the fault. */
public class InvalidCalendarException extends RuntimeException {

    public InvalidCalendarException(String message, Throwable cause) {
        super(message, cause);
    }
}
