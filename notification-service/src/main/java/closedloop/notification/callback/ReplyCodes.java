package closedloop.notification.callback;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Draws reply codes for callback surveys: {@code reply-code-digits} digits without a leading zero (customers drop it).
 * A reply is matched on its code and the phone it comes from, so a code is unique only among the surveys to one phone
 * that await a reply (the database's unique index on {@code awaitingReply}); a collision draws again.
 */
@Component
public class ReplyCodes {

    private final RandomGenerator random;
    private final int lowest;
    private final int highest;

    @Autowired
    public ReplyCodes(CallbackProperties properties) {
        this(new SecureRandom(), properties.replyCodeDigits());
    }

    ReplyCodes(RandomGenerator random, int digits) {
        this.random = random;
        this.lowest = (int) Math.pow(10, digits - 1);
        this.highest = (int) Math.pow(10, digits);
    }

    /** A fresh code. */
    public String next() {
        return Integer.toString(random.nextInt(lowest, highest));
    }
}
