package closedloop.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services that are down, for a signed-in person: the console answers a 503 problem that names them, so the page can
 * say so plainly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.config.name=" + WebConsoleApplication.NAME)
@ContextConfiguration(initializers = OnReactorNetty.class)
class ServiceDownIntegrationTests {

    static final int PORT = FreePort.next();
    static final TestIssuer issuer = TestIssuer.forConsoleAt(PORT);
    static Browser agent;

    @DynamicPropertySource
    static void aServiceNobodyListensFor(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        issuer.consoleProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("closedloop.console.services.notification-service", () -> "http://127.0.0.1:" + FreePort.next());
        registry.add("closedloop.console.services.ticket-router", () -> "http://ticket-router.invalid:8082");
    }

    @BeforeAll
    static void startTheIssuer() {
        issuer.start();
    }

    @AfterAll
    static void stopTheIssuer() {
        issuer.close();
    }

    @BeforeEach
    void signIn() {
        if (agent == null) {
            agent = new Browser("http://localhost:" + PORT);
            agent.signIn("agent-017");
        }
    }

    @Test
    void answersUnavailableNamingTheServiceThatDoesNotAnswer() {
        Browser.Answer answer = agent.fetch("/api/v1/callbacks?status=DUE");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.json().get("title").asText()).isEqualTo("Service unavailable");
        assertThat(answer.json().get("service").asText()).isEqualTo("notification-service");
        assertThat(answer.json().get("detail").asText()).isEqualTo("notification-service is not answering");
    }

    @Test
    void answersUnavailableWhenTheServicesNameDoesNotResolve() {
        Browser.Answer answer = agent.fetch("/api/v1/tickets?branch=LIXIA-01");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.json().get("service").asText()).isEqualTo("ticket-router");
    }

    @Test
    void leavesOtherErrorsToSpringBoot() {
        assertThat(agent.fetch("/no-such-page").status()).isEqualTo(404);
    }
}
