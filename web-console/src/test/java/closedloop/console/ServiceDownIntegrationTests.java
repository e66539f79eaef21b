package closedloop.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;

/** Services that are down: the console answers a 503 problem that names them, so the page can say so plainly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + WebConsoleApplication.NAME)
@AutoConfigureWebTestClient
class ServiceDownIntegrationTests {

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void aServiceNobodyListensFor(DynamicPropertyRegistry registry) {
        registry.add("closedloop.console.services.notification-service", () -> "http://127.0.0.1:" + closedPort());
        registry.add("closedloop.console.services.ticket-router", () -> "http://ticket-router.invalid:8082");
    }

    @Test
    void answersUnavailableNamingTheServiceThatDoesNotAnswer() {
        client.get().uri("/api/v1/callbacks?status=DUE").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.service").isEqualTo("notification-service")
                .jsonPath("$.detail").isEqualTo("notification-service is not answering");
    }

    @Test
    void answersUnavailableWhenTheServicesNameDoesNotResolve() {
        client.get().uri("/api/v1/tickets?branch=LIXIA-01").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("ticket-router");
    }

    @Test
    void leavesOtherErrorsToSpringBoot() {
        client.get().uri("/no-such-page").exchange()
                .expectStatus().isNotFound();
    }

    /** A port that was free a moment ago: nobody accepts connections on it. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
