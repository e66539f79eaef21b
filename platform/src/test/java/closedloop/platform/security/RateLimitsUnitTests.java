package closedloop.platform.security;

import closedloop.platform.web.FilterProblems;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsUnitTests {

    /** The person a request comes from, as the security chain would have signed them in; none without it. */
    private static final String PERSON = "X-Test-Person";

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);
    private final Counter counter = new Counter();
    private final WebTestClient client = WebTestClient.bindToController(counter)
            .webFilter((exchange, chain) -> {
                String person = exchange.getRequest().getHeaders().getFirst(PERSON);
                return chain.filter(person == null ? exchange : exchange.mutate()
                        .principal(Mono.just(new TestingAuthenticationToken(person, null))).build());
            })
            .webFilter(new RateLimits(new RateLimitProperties(true, 3, List.of(
                    new RateLimitProperties.PathLimit("POST", "/api/v1/complaints", 2))),
                    clock, new FilterProblems(ServerCodecConfigurer.create())))
            .build();

    @Test
    void refusesAPersonsChangeBeyondTheLimitWithRetryAfterAndLetsNothingThrough() {
        for (int i = 0; i < 3; i++) {
            change("agent-017").expectStatus().isOk();
        }

        change("agent-017").expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "20")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.detail").isEqualTo("At most 3 of these requests a minute per person")
                .jsonPath("$.instance").isEqualTo("/api/v1/tickets/t-1/accept");
        assertThat(counter.changes).hasValue(3);
    }

    @Test
    void countsEachPersonOnTheirOwn() {
        for (int i = 0; i < 3; i++) {
            change("li.ming").expectStatus().isOk();
        }

        change("zhao.lei").expectStatus().isOk();
        change("li.ming").expectStatus().isEqualTo(429);
    }

    @Test
    void allowsMoreAsTheMinuteGoesBy() {
        for (int i = 0; i < 3; i++) {
            change("sun.li").expectStatus().isOk();
        }
        change("sun.li").expectStatus().isEqualTo(429);

        clock.add(Duration.ofSeconds(20));

        change("sun.li").expectStatus().isOk();
        change("sun.li").expectStatus().isEqualTo(429);
    }

    @Test
    void givesAnEndpointWithItsOwnLimitThatLimitAndLeavesTheOtherChangesUncounted() {
        register("web-portal").expectStatus().isOk();
        register("web-portal").expectStatus().isOk();

        register("web-portal").expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "30")
                .expectBody().jsonPath("$.detail").isEqualTo("At most 2 of these requests a minute per person");
        for (int i = 0; i < 3; i++) {
            change("web-portal").expectStatus().isOk();
        }
    }

    @Test
    void limitsNeitherReadsNorSearchesNorCallsWithoutASignedInPerson() {
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/v1/tickets/t-1").header(PERSON, "qian.hua").exchange().expectStatus().isOk();
            client.post().uri("/api/v1/sms/replies").exchange().expectStatus().isOk();
            client.post().uri("/api/v1/complaints/_search").header(PERSON, "qian.hua").exchange()
                    .expectStatus().isOk();
        }

        assertThat(counter.reads).hasValue(20);
        assertThat(counter.unsigned).hasValue(10);
    }

    private WebTestClient.ResponseSpec change(String person) {
        return client.post().uri("/api/v1/tickets/t-1/accept").header(PERSON, person).exchange();
    }

    private WebTestClient.ResponseSpec register(String person) {
        return client.post().uri("/api/v1/complaints").header(PERSON, person).exchange();
    }

    @RestController
    static class Counter {

        final AtomicInteger changes = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger unsigned = new AtomicInteger();

        @PostMapping("/api/v1/tickets/t-1/accept")
        void accept() {
            changes.incrementAndGet();
        }

        @PostMapping("/api/v1/complaints")
        void register() {
        }

        @GetMapping("/api/v1/tickets/t-1")
        void read() {
            reads.incrementAndGet();
        }

        @PostMapping("/api/v1/complaints/_search")
        void search() {
            reads.incrementAndGet();
        }

        @PostMapping("/api/v1/sms/replies")
        void reply() {
            unsigned.incrementAndGet();
        }
    }
}
