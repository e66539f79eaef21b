package closedloop.platform.security;

import closedloop.platform.web.FilterProblems;
import closedloop.platform.web.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Per-person rate limits on state-changing requests (Bucket4j token buckets, refilled greedily over a minute): once a
 * person has used up a limit, the next such request is answered 429 problem+json with {@code Retry-After} (whole
 * seconds until one more is allowed) and goes no further, so nothing is stored. Reads are not limited (nor the
 * searches that are a {@code POST} to {@code …/_search} only to keep a phone number out of the URL), nor are calls
 * without a signed-in person (the SMS gateway's signed replies have their own lockout). Time is the service's
 * {@link Clock}. Each instance counts on its own: with N instances a person may make up to N times the limit.
 */
public class RateLimits implements WebFilter {

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final String SEARCH = "/_search";
    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final Limit changes;
    private final List<Limit> paths;
    private final TimeMeter time;
    private final FilterProblems problems;
    /** A person's bucket is dropped after an idle period longer than its refill, when it would be full again anyway. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(PERIOD.multipliedBy(2)).maximumSize(100_000).build();

    public RateLimits(RateLimitProperties settings, Clock clock, FilterProblems problems) {
        this.changes = new Limit("changes", null, null, settings.changesPerMinute());
        this.paths = settings.paths().stream()
                .map(path -> new Limit(path.method() + " " + path.pattern(), HttpMethod.valueOf(path.method()),
                        PathPatternParser.defaultInstance.parse(path.pattern()), path.perMinute()))
                .toList();
        this.time = new ClockTime(clock);
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!changesState(exchange)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(person -> consume(person, limitFor(exchange)))
                .defaultIfEmpty(Admitted.YES)
                .flatMap(admitted -> admitted.refused()
                        ? problems.answer(exchange, Problems.tooManyRequests("Too many requests",
                        "At most " + admitted.limit().perMinute() + " of these requests a minute per person",
                        admitted.retryAfter()))
                        : chain.filter(exchange));
    }

    /** A search that is a POST only to keep a phone number out of the URL ({@code …/_search}) reads. */
    private static boolean changesState(ServerWebExchange exchange) {
        return STATE_CHANGING.contains(exchange.getRequest().getMethod())
                && !exchange.getRequest().getPath().value().endsWith(SEARCH);
    }

    private Limit limitFor(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        HttpMethod method = exchange.getRequest().getMethod();
        return paths.stream().filter(limit -> limit.method().equals(method) && limit.pattern().matches(path))
                .findFirst().orElse(changes);
    }

    private Admitted consume(Principal person, Limit limit) {
        Bucket bucket = buckets.get(person.getName() + "\n" + limit.name(), key -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.perMinute()).refillGreedy(limit.perMinute(), PERIOD))
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Admitted.YES
                : new Admitted(true, limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private record Limit(String name, HttpMethod method, PathPattern pattern, int perMinute) {
    }

    private record Admitted(boolean refused, Limit limit, Duration retryAfter) {
        static final Admitted YES = new Admitted(false, null, Duration.ZERO);
    }

    /** Bucket4j's time, read from the service's clock so that tests which move the clock move the refill too. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
