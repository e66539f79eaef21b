package closedloop.escalation.league;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Set;

/**
 * Settings of the league table ({@code closedloop.league.*}).
 *
 * @param defaultWindow    how far back {@code from} lies when the request leaves it out (30 days)
 * @param maxWindow        the longest window one request may ask for (366 days), so that no request reads all history
 * @param excludedBranches pseudo-branches that are no branch, such as the dispatch desk MANUAL, left out of the table
 */
@ConfigurationProperties("closedloop.league")
public record LeagueProperties(Duration defaultWindow, Duration maxWindow, Set<String> excludedBranches) {

    public LeagueProperties {
        defaultWindow = defaultWindow == null ? Duration.ofDays(30) : defaultWindow;
        maxWindow = maxWindow == null ? Duration.ofDays(366) : maxWindow;
        excludedBranches = excludedBranches == null ? Set.of("MANUAL") : Set.copyOf(excludedBranches);
        if (defaultWindow.isNegative() || defaultWindow.isZero() || defaultWindow.compareTo(maxWindow) > 0) {
            throw new IllegalArgumentException("closedloop.league.default-window must be positive and at most "
                    + "closedloop.league.max-window, not " + defaultWindow);
        }
    }
}
