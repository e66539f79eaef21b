package closedloop.escalation.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * When complaints become a problem, and how often the actions' clocks are looked at: {@code threshold} complaints of
 * one kind in one district within {@code window} (default 5 in 2 hours) open one; {@code scan-interval} (default one
 * second) is how often the action pass runs.
 */
@ConfigurationProperties("closedloop.problems")
public record ProblemProperties(Integer threshold, Duration window, Duration scanInterval) {

    public ProblemProperties {
        threshold = threshold == null ? 5 : threshold;
        window = window == null ? Duration.ofHours(2) : window;
        scanInterval = scanInterval == null ? Duration.ofSeconds(1) : scanInterval;
        if (threshold < 2) {
            throw new IllegalArgumentException("closedloop.problems.threshold must be at least 2, not " + threshold);
        }
    }
}
