package closedloop.platform.web;

import closedloop.platform.web.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook signature, against a value openssl computed, and the 401 and 429 problems its receivers answer. */
class WebhookSignatureUnitTests {

    static final String SECRET = "secret";
    static final String TIMESTAMP = "1700000000";
    static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);
    static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    /** {@code printf '%s.%s' 1700000000 '{"a":1}' | openssl dgst -sha256 -hmac secret} */
    static final String OPENSSL = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signsTheTimestampAFullStopAndTheBodyAsOpensslDoes() {
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(OPENSSL);
        assertThat(WebhookSignature.timestamp(SIGNED_AT.plusMillis(999))).isEqualTo(TIMESTAMP);
    }

    @Test
    void acceptsTheSignatureInEitherCaseWithinTheTolerance() {
        assertThat(check(TIMESTAMP, OPENSSL, BODY, SIGNED_AT)).isEqualTo(Verdict.VALID);
        assertThat(check(TIMESTAMP, OPENSSL.toUpperCase(), BODY, SIGNED_AT.plus(TOLERANCE)))
                .isEqualTo(Verdict.VALID);
        assertThat(check(TIMESTAMP, OPENSSL, BODY, SIGNED_AT.minus(TOLERANCE))).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesAnotherBodyTimestampOrSecretAsABadSignature() {
        assertThat(check(TIMESTAMP, OPENSSL, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), SIGNED_AT))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(check("1700000001", OPENSSL, BODY, SIGNED_AT)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(WebhookSignature.check("other", TIMESTAMP, OPENSSL, BODY, SIGNED_AT, TOLERANCE))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(check(TIMESTAMP, OPENSSL.substring(2), BODY, SIGNED_AT)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(check(TIMESTAMP, "zz" + OPENSSL.substring(2), BODY, SIGNED_AT)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void callsACallWithoutBothHeadersOrWithATimestampThatIsNoUnixTimeUnsigned() {
        assertThat(check(null, OPENSSL, BODY, SIGNED_AT)).isEqualTo(Verdict.UNSIGNED);
        assertThat(check(TIMESTAMP, null, BODY, SIGNED_AT)).isEqualTo(Verdict.UNSIGNED);
        assertThat(check("2023-11-14T22:13:20Z", OPENSSL, BODY, SIGNED_AT)).isEqualTo(Verdict.UNSIGNED);
        assertThat(check("-1700000000", OPENSSL, BODY, SIGNED_AT)).isEqualTo(Verdict.UNSIGNED);
        assertThat(check("", OPENSSL, BODY, SIGNED_AT)).isEqualTo(Verdict.UNSIGNED);
    }

    @Test
    void callsACorrectSignatureFromFurtherThanTheToleranceEitherWayStale() {
        assertThat(check(TIMESTAMP, OPENSSL, BODY, SIGNED_AT.plus(TOLERANCE).plusSeconds(1)))
                .isEqualTo(Verdict.STALE);
        assertThat(check(TIMESTAMP, OPENSSL, BODY, SIGNED_AT.minus(TOLERANCE).minusSeconds(1)))
                .isEqualTo(Verdict.STALE);
    }

    @Test
    void answersTooManyRequestsAndUnauthorizedAsProblemsWithTheirHeaders() {
        WebTestClient client = WebTestClient.bindToController(new LimitedController())
                .controllerAdvice(new ProblemDetailsAdvice())
                .build();

        client.get().uri("/limited").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "91")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Too many tries")
                .jsonPath("$.status").isEqualTo(429);
        client.get().uri("/unsigned").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256")
                .expectBody().jsonPath("$.detail").isEqualTo("No signature");
    }

    private static Verdict check(String timestamp, String signature, byte[] body, Instant now) {
        return WebhookSignature.check(SECRET, timestamp, signature, body, now, TOLERANCE);
    }

    @RestController
    static class LimitedController {

        @GetMapping("/limited")
        Mono<String> limited() {
            return Mono.error(Problems.tooManyRequests("Too many tries", "Wait", Duration.ofMillis(90_001)));
        }

        @GetMapping("/unsigned")
        Mono<String> unsigned() {
            return Mono.error(Problems.unauthorized("Unsigned", "No signature", "HMAC-SHA256"));
        }
    }
}
