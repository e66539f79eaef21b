package closedloop.platform.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often a write that lost an optimistic-lock race is tried again.
 *
 * @param attempts retries after the first attempt
 * @param backoff  pause before the first retry; grows with each, jittered so that racing writers spread out
 */
@ConfigurationProperties("closedloop.race-retry")
public record RaceRetryProperties(@DefaultValue("5") int attempts, @DefaultValue("10ms") Duration backoff) {
}
