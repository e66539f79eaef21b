package closedloop.localstack.outbox;

import closedloop.platform.web.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo outbox on random ports, driven over HTTP and SMTP as notification-service and a user with curl do; the
 * replies it forwards reach a stand-in for notification-service.
 */
class DemoOutboxIntegrationTests {

    private static final String SECRET = "a-secret-shared-with-notification";

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);
    private final DemoOutbox outbox = DemoOutbox.start(0, 0, clock);
    private final WebTestClient http = WebTestClient.bindToServer().baseUrl(outbox.url())
            .responseTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stopTheOutbox() {
        outbox.close();
    }

    @Test
    void recordsAnAcceptedSmsWithWhenItArrived() {
        String reference = UUID.randomUUID().toString();

        send(sms(reference, "13800138000", "您的投诉 TS-20261123-000001 已受理")).isAccepted()
                .expectBody().jsonPath("$.reference").isEqualTo(reference).jsonPath("$.status").isEqualTo("ACCEPTED");

        JsonNode recorded = list("/sms/messages").get(0);
        assertThat(recorded.get("reference").asText()).isEqualTo(reference);
        assertThat(recorded.get("to").asText()).isEqualTo("13800138000");
        assertThat(recorded.get("text").asText()).isEqualTo("您的投诉 TS-20261123-000001 已受理");
        assertThat(recorded.get("signName").asText()).isEqualTo("Closed Loop");
        assertThat(recorded.get("templateCode").asText()).isEqualTo("SMS_REGISTRATION_ACK");
        assertThat(Instant.parse(recorded.get("receivedAt").asText())).isEqualTo(clock.instant());
    }

    @Test
    void recordsTheSameReferenceOnceAndAcceptsItAgain() {
        String reference = UUID.randomUUID().toString();
        send(sms(reference, "13800138000", "first")).isAccepted();
        Instant firstArrived = clock.instant();
        clock.add(Duration.ofMinutes(1));

        send(sms(reference, "13800138000", "second")).isAccepted()
                .expectBody().jsonPath("$.reference").isEqualTo(reference).jsonPath("$.status").isEqualTo("ACCEPTED");

        JsonNode recorded = list("/sms/messages");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("text").asText()).isEqualTo("first");
        assertThat(Instant.parse(recorded.get(0).get("receivedAt").asText())).isEqualTo(firstArrived);
    }

    @Test
    void refusesEverySmsDuringAnOutageAndAcceptsThemOnceItEnds() {
        String reference = UUID.randomUUID().toString();
        switchOutage(http.post(), true);

        send(sms(reference, "13800138000", "waiting")).isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        send(sms(reference, "13800138000", "waiting")).isEqualTo(503);
        assertThat(list("/sms/messages")).isEmpty();
        switchOutage(http.get(), true);

        switchOutage(http.delete(), false);
        send(sms(reference, "13800138000", "waiting")).isAccepted();
        assertThat(list("/sms/messages")).extracting(sms -> sms.get("reference").asText()).containsExactly(reference);
    }

    @Test
    void listsTheSmsNewestFirstAllOrToOnePhone() {
        send(sms("ref-1", "13800138001", "one")).isAccepted();
        send(sms("ref-2", "13800138002", "two")).isAccepted();
        send(sms("ref-3", "13800138001", "three")).isAccepted();

        assertThat(list("/sms/messages")).extracting(sms -> sms.get("reference").asText())
                .containsExactly("ref-3", "ref-2", "ref-1");
        assertThat(list("/sms/messages?to=13800138001")).extracting(sms -> sms.get("reference").asText())
                .containsExactly("ref-3", "ref-1");
        assertThat(list("/sms/messages?to=13900000000")).isEmpty();
    }

    @Test
    void refusesAnSmsWithoutReferenceRecipientOrTextNamingEachField() {
        Map<String, Object> incomplete = new HashMap<>(sms("ref", "13800138000", "text"));
        incomplete.remove("reference");
        incomplete.put("to", " ");
        incomplete.remove("text");

        send(incomplete).isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("reference", "to", "text"));
        assertThat(list("/sms/messages")).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotJson() {
        http.post().uri("/sms/messages").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reference\": ")
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/sms/messages").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest();
        assertThat(list("/sms/messages")).isEmpty();
    }

    @Test
    void showsTheMailItsSmtpServerReceivedWithChineseIntact() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(outbox.smtpPort());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        MimeMessage mail = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, StandardCharsets.UTF_8.name());
        helper.setFrom("closed-loop@example.com");
        helper.setTo(new String[]{"lixia-01@example.com", "supervisors@example.com"});
        helper.setSubject("督办：投诉 TS-20261123-000001");
        helper.setText("历下支局：投诉 TS-20261123-000001 已超时，请尽快办结。");
        sender.send(mail);

        JsonNode mails = list("/mail/messages");
        assertThat(mails).hasSize(1);
        JsonNode received = mails.get(0);
        assertThat(received.get("from").asText()).isEqualTo("closed-loop@example.com");
        assertThat(received.get("to")).extracting(JsonNode::asText)
                .containsExactly("lixia-01@example.com", "supervisors@example.com");
        assertThat(received.get("subject").asText()).isEqualTo("督办：投诉 TS-20261123-000001");
        assertThat(received.get("text").asText()).isEqualTo("历下支局：投诉 TS-20261123-000001 已超时，请尽快办结。");
        assertThat(Instant.parse(received.get("receivedAt").asText()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void forwardsACustomersReplySignedAsNotificationServiceChecksAndAnswersWhatItAnswered() {
        List<ForwardedCall> calls = new CopyOnWriteArrayList<>();
        DisposableServer notification = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/api/v1/sms/replies", (request, response) -> request.receive()
                        .aggregate().asByteArray().defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            calls.add(new ForwardedCall(request.requestHeaders().get(WebhookSignature.TIMESTAMP),
                                    request.requestHeaders().get(WebhookSignature.SIGNATURE), body));
                            return response.status(404).header("Content-Type", "application/problem+json")
                                    .sendString(Mono.just("{\"title\":\"Survey not found\"}")).then();
                        })))
                .bindNow();
        try {
            outbox.forwardRepliesTo("http://127.0.0.1:" + notification.port() + "/api/v1/sms/replies", SECRET);

            http.post().uri("/sms/replies").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("from", "13800138000", "text", "4821 1 满意"))
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Survey not found");

            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.timestamp()).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
                assertThat(WebhookSignature.check(SECRET, call.timestamp(), call.signature(), call.body(),
                        clock.instant(), Duration.ofMinutes(5))).isEqualTo(WebhookSignature.Verdict.VALID);
                assertThat(new String(call.body(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"from\":\"13800138000\",\"text\":\"4821 1 满意\"}");
            });
        } finally {
            notification.disposeNow();
        }
    }

    @Test
    void forwardsNoReplyBeforeNotificationServiceRunsNorOneWithoutPhoneOrText() {
        http.post().uri("/sms/replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", "13800138000", "text", "4821 1"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        outbox.forwardRepliesTo("http://127.0.0.1:1/api/v1/sms/replies", SECRET);

        http.post().uri("/sms/replies").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", " "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("from", "text"));
        http.post().uri("/sms/replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", "13800138000", "text", "4821 1"))
                .exchange()
                .expectStatus().isEqualTo(502);
    }

    private static void switchOutage(WebTestClient.RequestHeadersUriSpec<?> method, boolean expected) {
        method.uri("/sms/outage").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.outage").isEqualTo(expected);
    }

    /** A call the forwarder made: its signature headers and its body as sent. */
    private record ForwardedCall(String timestamp, String signature, byte[] body) {
    }

    private StatusAssertions send(Map<String, ?> sms) {
        return http.post().uri("/sms/messages").contentType(MediaType.APPLICATION_JSON).bodyValue(sms).exchange()
                .expectStatus();
    }

    private static Map<String, String> sms(String reference, String to, String text) {
        return Map.of("reference", reference, "to", to, "text", text, "signName", "Closed Loop",
                "templateCode", "SMS_REGISTRATION_ACK");
    }

    private JsonNode list(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
