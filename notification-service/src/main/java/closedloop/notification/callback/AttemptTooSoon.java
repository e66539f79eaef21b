package closedloop.notification.callback;

import java.time.Instant;

/** A call is recorded before the spacing after the previous call has passed. */
public class AttemptTooSoon extends RuntimeException {

    private final Instant nextAttemptAt;

    public AttemptTooSoon(Instant nextAttemptAt) {
        super("The next call to the customer is allowed from " + nextAttemptAt);
        this.nextAttemptAt = nextAttemptAt;
    }

    /** The earliest time the next call may be recorded. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
