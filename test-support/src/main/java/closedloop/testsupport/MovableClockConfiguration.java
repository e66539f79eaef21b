package closedloop.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.threeten.extra.MutableClock;

import java.time.Instant;
import java.time.ZoneOffset;

/** Replaces the service's clock with one the test moves: time passes only when the test says so. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

    /** A Monday morning in Beijing: 2026-11-23 09:00 +08:00. */
    public static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

    @Bean
    @Primary
    MutableClock clock() {
        return MutableClock.of(START, ZoneOffset.UTC);
    }
}
