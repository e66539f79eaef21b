package closedloop.notification.callback;

import java.time.Instant;

/**
 * Too many wrong reply codes came from this phone: its survey takes no reply, not even with the right code, until
 * {@code lockedUntil}.
 */
public class SurveyLocked extends RuntimeException {

    private final Instant lockedUntil;

    public SurveyLocked(Instant lockedUntil) {
        super("Too many wrong reply codes came from this phone number; its survey takes replies again from "
                + lockedUntil);
        this.lockedUntil = lockedUntil;
    }

    /** Until when the survey takes no reply from the phone. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
