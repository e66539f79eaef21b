package closedloop.intake.complaint;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * How long complaints take from registration to closure, as the histogram {@value #NAME}
 * ({@code closedloop_complaints_time_to_close_seconds_bucket} on {@code /actuator/prometheus}, buckets from a minute
 * to sixty days), so that a dashboard shows its percentiles across every instance. A complaint reopened and closed
 * again counts once per closure, from its registration.
 */
@Component
public class ClosureTimes {

    static final String NAME = "closedloop.complaints.time.to.close";

    private final Timer timer;

    public ClosureTimes(MeterRegistry registry) {
        this.timer = Timer.builder(NAME)
                .description("Time from a complaint's registration to its closure")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(60))
                .register(registry);
    }

    /** Records one closure. */
    void closed(Instant registeredAt, Instant closedAt) {
        timer.record(Duration.between(registeredAt, closedAt));
    }
}
