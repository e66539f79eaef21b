package closedloop.notification.message.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the delivery pass works through the messages waiting in MongoDB.
 *
 * @param pollInterval how often the pass looks for due messages (real time), besides when a new message nudges it
 * @param batchSize    how many due messages one pass takes at most; a full batch is followed by another pass at once
 * @param concurrency  how many messages one pass delivers at the same time
 * @param lease        how long a pass holds a message it tries before another pass or instance may take it; longer
 *                     than one attempt can last (the channel's quick retries and timeouts included)
 * @param maxAge       how old a message may grow before it is given up as FAILED
 * @param backoff      when a message whose attempt failed is tried again
 */
@ConfigurationProperties("closedloop.notification.delivery")
public record DeliveryProperties(@DefaultValue("PT1S") Duration pollInterval,
                                 @DefaultValue("100") int batchSize,
                                 @DefaultValue("16") int concurrency,
                                 @DefaultValue("PT2M") Duration lease,
                                 @DefaultValue("PT24H") Duration maxAge,
                                 @DefaultValue Backoff backoff) {

    /**
     * Exponential backoff between the attempts of one message.
     *
     * @param initial    the wait after the first failed attempt
     * @param multiplier by how much each further failed attempt multiplies the wait
     * @param max        the longest wait
     */
    public record Backoff(@DefaultValue("PT30S") Duration initial,
                          @DefaultValue("2") double multiplier,
                          @DefaultValue("PT10M") Duration max) {

        /** The wait after the given number of failed attempts (1 or more): initial × multiplier^(n-1), at most max. */
        public Duration after(int failedAttempts) {
            double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
            return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
        }
    }
}
