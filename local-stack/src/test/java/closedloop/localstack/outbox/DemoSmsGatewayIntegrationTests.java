package closedloop.localstack.outbox;

import closedloop.platform.web.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo SMS gateway as docker-compose runs it, on its own and configured by its environment, driven over HTTP as
 * notification-service and a user with curl do; the replies it forwards reach a stand-in for notification-service.
 */
class DemoSmsGatewayIntegrationTests {

    private static final String SECRET = "a-secret-shared-with-notification";

    @Test
    void recordsTheSmsItIsSentAndHasNoMailListOfItsOwn() {
        try (DemoSmsGateway gateway = DemoSmsGatewayApplication.start(environment("http://127.0.0.1:1"), "127.0.0.1")) {
            WebTestClient http = client(gateway);

            http.post().uri("/sms/messages").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reference", "ref-1", "to", "13800138000", "text", "您的投诉已受理"))
                    .exchange().expectStatus().isAccepted();

            http.get().uri("/sms/messages").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[0].reference").isEqualTo("ref-1");
            http.get().uri("/mail/messages").exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void forwardsACustomersReplyToTheNotificationServiceOfItsEnvironmentSignedWithItsSecret() {
        List<String[]> calls = new CopyOnWriteArrayList<>();
        DisposableServer notification = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/api/v1/sms/replies", (request, response) -> request.receive()
                        .aggregate().asString().defaultIfEmpty("")
                        .flatMap(body -> {
                            calls.add(new String[]{request.requestHeaders().get(WebhookSignature.TIMESTAMP),
                                    request.requestHeaders().get(WebhookSignature.SIGNATURE), body});
                            return response.status(202).sendString(Mono.just("")).then();
                        })))
                .bindNow();
        try (DemoSmsGateway gateway = DemoSmsGatewayApplication.start(
                environment("http://127.0.0.1:" + notification.port() + "/"), "127.0.0.1")) {

            client(gateway).post().uri("/sms/replies").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("from", "13800138000", "text", "4821 1"))
                    .exchange().expectStatus().isAccepted();

            assertThat(calls).singleElement().satisfies(call -> assertThat(WebhookSignature.check(SECRET, call[0],
                    call[1], call[2].getBytes(), Instant.now(), Duration.ofMinutes(5)))
                    .isEqualTo(WebhookSignature.Verdict.VALID));
        } finally {
            notification.disposeNow();
        }
    }

    @Test
    void refusesToStartWithoutTheSecretItSignsRepliesWith() {
        assertThatThrownBy(() -> DemoSmsGatewayApplication.start(
                Map.of(DemoSmsGatewayApplication.PORT, "0",
                        DemoSmsGatewayApplication.NOTIFICATION_URL, "http://notification-service:8084"), "127.0.0.1"))
                .hasMessageContaining(DemoSmsGatewayApplication.SECRET);
    }

    private static Map<String, String> environment(String notificationUrl) {
        return Map.of(DemoSmsGatewayApplication.PORT, "0", DemoSmsGatewayApplication.NOTIFICATION_URL, notificationUrl,
                DemoSmsGatewayApplication.SECRET, SECRET);
    }

    private static WebTestClient client(DemoSmsGateway gateway) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + gateway.port())
                .responseTimeout(Duration.ofSeconds(10)).build();
    }
}
