package closedloop.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * How many state-changing requests ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) one signed-in person may
 * make a minute, counted by each service instance on its own.
 *
 * @param enabled          off only where one test user makes thousands of requests (the tests' own settings)
 * @param changesPerMinute every state-changing request of a person to this service, unless a path limit names it
 * @param paths            tighter (or looser) limits for single endpoints, such as registering a complaint
 */
@ConfigurationProperties("closedloop.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("120") int changesPerMinute,
                                  @DefaultValue List<PathLimit> paths) {

    /**
     * One endpoint's own limit; its requests do not count against {@code changes-per-minute}.
     *
     * @param method    the HTTP method, e.g. {@code POST}
     * @param pattern   the path pattern, as in the access rules, e.g. {@code /api/v1/complaints}
     * @param perMinute requests of one person a minute
     */
    public record PathLimit(String method, String pattern, int perMinute) {
    }
}
