package closedloop.intake;

import closedloop.platform.security.Role;
import closedloop.testsupport.EmbeddedInfrastructure;
import closedloop.testsupport.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abuse limits on the real service, behind its security chain: a person's registrations beyond the limit are a
 * 429 with {@code Retry-After} and store nothing, other people are not held up, and the minute going by allows more;
 * an overlong query parameter or {@code X-Actor} and an instant outside the years 0001–9999 are a 400 naming the field.
 */
@EmbeddedInfrastructure
@SpringBootTest(classes = ComplaintIntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ComplaintIntakeApplication.NAME,
                "closedloop.rate-limits.enabled=true",
                "closedloop.rate-limits.paths[0].method=POST",
                "closedloop.rate-limits.paths[0].pattern=/api/v1/complaints",
                "closedloop.rate-limits.paths[0].per-minute=2"})
class AbuseLimitsIntegrationTests {

    @Autowired
    WebTestClient web;
    @Autowired
    MutableClock clock;

    @Test
    void refusesAPersonsRegistrationsBeyondTheLimitAndStoresNothingOfThem() {
        Consumer<HttpHeaders> agent = TestIssuer.as("agent-021", List.of(Role.AGENT));
        register(agent, phone()).expectStatus().isCreated();
        register(agent, phone()).expectStatus().isCreated();
        String refused = phone();

        register(agent, refused).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectBody().jsonPath("$.detail").isEqualTo("At most 2 of these requests a minute per person");

        assertThat(complaintsOf(refused)).isZero();
        register(TestIssuer.as("agent-022", List.of(Role.AGENT)), phone()).expectStatus().isCreated();
        clock.add(Duration.ofSeconds(30));
        register(agent, refused).expectStatus().isCreated();
        assertThat(complaintsOf(refused)).isOne();
    }

    @Test
    void refusesAnOverlongQueryParameterOrActorNamingIt() {
        web.get().uri("/api/v1/complaints?branch={b}", "B".repeat(300)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("branch");
        web.get().uri("/api/v1/complaints?page=0").header("X-Actor", "x".repeat(100)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("X-Actor");
    }

    @Test
    void refusesAPromiseDueOutsideTheYears0001To9999AndStoresNothing() {
        String phone = phone();
        Map<String, Object> body = Map.of("channel", "HOTLINE", "category", "BILLING",
                "customer", Map.of("name", "Wang Fang", "phone", phone),
                "district", "Lixia", "description", "Charged twice",
                "promises", List.of(Map.of("text", "call back", "dueAt", "+10000-01-01T00:00:00Z")));

        web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("promises[0].dueAt")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be an ISO-8601 instant in the years 0001 to 9999, e.g. 2026-11-23T09:30:00Z");
        assertThat(complaintsOf(phone)).isZero();
    }

    private WebTestClient.ResponseSpec register(Consumer<HttpHeaders> person, String phone) {
        return web.post().uri("/api/v1/complaints").headers(person).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "HOTLINE", "category", "BILLING",
                        "customer", Map.of("name", "Wang Fang", "phone", phone),
                        "district", "Lixia", "description", "Charged twice"))
                .exchange();
    }

    private long complaintsOf(String phone) {
        JsonNode page = web.post().uri("/api/v1/complaints/_search").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return page.get("total").asLong();
    }

    private static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
