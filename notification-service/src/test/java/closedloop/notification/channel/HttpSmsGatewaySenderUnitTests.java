package closedloop.notification.channel;

import closedloop.testsupport.FreePorts;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.notification.message.UndeliverableMessageException;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The SMS sender against a real HTTP server standing in for the operator's gateway. */
@ExtendWith(OutputCaptureExtension.class)
class HttpSmsGatewaySenderUnitTests {

    static final String PATH = "/sms/messages";
    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    static final String PHONE = "13800138000";

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void postsTheMessageAsJsonWithBasicAuthenticationAndItsIdAsIdempotencyKey() {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(202)));
        Message message = sms(Purpose.REGISTRATION_ACK, "您的投诉 C-2026-000123 已登记，我们将在24小时内答复。");

        StepVerifier.create(sender("closed-loop", "s3cret", Duration.ofSeconds(5)).deliver(message))
                .verifyComplete();

        gateway.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo(message.id()))
                .withBasicAuth(new BasicCredentials("closed-loop", "s3cret"))
                .withRequestBody(equalToJson("""
                        {"reference": "%s", "to": "%s", "text": "您的投诉 C-2026-000123 已登记，我们将在24小时内答复。",
                         "signName": "闭环投诉", "templateCode": "SMS_0001"}""".formatted(message.id(), PHONE))));
    }

    @Test
    void takesTheDefaultTemplateCodeForAPurposeWithoutOneAndNoAuthorizationWithoutUser() {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));
        Message message = sms(Purpose.CLOSURE_NOTICE, "Your complaint is now closed.");

        StepVerifier.create(sender(null, null, Duration.ofSeconds(5)).deliver(message)).verifyComplete();

        gateway.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("""
                        {"reference": "%s", "to": "%s", "text": "Your complaint is now closed.",
                         "signName": "闭环投诉", "templateCode": "SMS_DEFAULT"}""".formatted(message.id(), PHONE))));
    }

    @Test
    void failsForNowWhenTheGatewayIsUnavailable() {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withBody("maintenance")));

        StepVerifier.create(sender(null, null, Duration.ofSeconds(5)).deliver(sms(Purpose.REGISTRATION_ACK, "hi")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(SmsGatewayException.class)
                        .isNotInstanceOf(UndeliverableMessageException.class)
                        .hasMessageContaining("503"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void failsForNowWhenTheGatewayAsksToSlowDown() {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(429)));

        StepVerifier.create(sender(null, null, Duration.ofSeconds(5)).deliver(sms(Purpose.REGISTRATION_ACK, "hi")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(SmsGatewayException.class)
                        .hasMessageContaining("429"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void failsForGoodWhenTheGatewayRefusesTheMessage() {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid phone number\"}")));

        StepVerifier.create(sender(null, null, Duration.ofSeconds(5)).deliver(sms(Purpose.REGISTRATION_ACK, "hi")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(UndeliverableMessageException.class)
                        .hasMessageContaining("400")
                        .hasMessageContaining("invalid phone number"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void masksAPhoneNumberTheGatewayEchoesInItsRefusal() {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\": \"no such subscriber: " + PHONE + "\"}")));

        StepVerifier.create(sender(null, null, Duration.ofSeconds(5)).deliver(sms(Purpose.REGISTRATION_ACK, "hi")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .hasMessageContaining("no such subscriber: 138****8000")
                        .hasMessageNotContaining(PHONE))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void neverLogsItsCredentialsNorThePhoneNumberEvenAtTrace(CapturedOutput output) {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(202)));
        Logger spring = (Logger) LoggerFactory.getLogger("org.springframework");
        Logger netty = (Logger) LoggerFactory.getLogger("reactor.netty");
        Level springLevel = spring.getLevel();
        Level nettyLevel = netty.getLevel();
        spring.setLevel(Level.TRACE);
        netty.setLevel(Level.TRACE);
        try {
            StepVerifier.create(sender("closed-loop", "s3cret-of-the-gateway", Duration.ofSeconds(5))
                    .deliver(sms(Purpose.REGISTRATION_ACK, "Your complaint is registered."))).verifyComplete();
        } finally {
            spring.setLevel(springLevel);
            netty.setLevel(nettyLevel);
        }

        assertThat(output.getAll()).contains(PATH).doesNotContain("s3cret-of-the-gateway", PHONE,
                Base64.getEncoder().encodeToString("closed-loop:s3cret-of-the-gateway".getBytes(StandardCharsets.UTF_8)));
        assertThat(new HttpSmsGatewaySender.SmsRequest("r-1", PHONE, "4821 1", "闭环投诉", "SMS_0005").toString())
                .isEqualTo("SmsRequest[reference=r-1, to=138****8000, text=(6 characters), signName=闭环投诉, "
                        + "templateCode=SMS_0005]");
    }

    @Test
    void failsForNowWhenTheGatewayAnswersTooSlowly() {
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(202).withFixedDelay(3_000)));

        StepVerifier.create(sender(null, null, Duration.ofMillis(300)).deliver(sms(Purpose.REGISTRATION_ACK, "hi")))
                .expectErrorSatisfies(error -> assertThat(error).isNotInstanceOf(UndeliverableMessageException.class))
                .verify(Duration.ofSeconds(2));
    }

    @Test
    void failsForNowWhenNoGatewayListens() {
        SmsGatewayProperties nowhere = properties(URI.create("http://localhost:" + FreePorts.next() + PATH), null,
                null, Duration.ofSeconds(5));

        StepVerifier.create(new HttpSmsGatewaySender(WebClient.builder(), nowhere)
                        .deliver(sms(Purpose.REGISTRATION_ACK, "hi")))
                .expectErrorSatisfies(error -> assertThat(error).isNotInstanceOf(UndeliverableMessageException.class))
                .verify(Duration.ofSeconds(10));
    }

    static HttpSmsGatewaySender sender(String username, String password, Duration responseTimeout) {
        return new HttpSmsGatewaySender(WebClient.builder(),
                properties(URI.create(gateway.baseUrl() + PATH), username, password, responseTimeout));
    }

    static SmsGatewayProperties properties(URI url, String username, String password, Duration responseTimeout) {
        return new SmsGatewayProperties(url, username, password, "闭环投诉",
                Map.of(Purpose.REGISTRATION_ACK, "SMS_0001"), "SMS_DEFAULT", Duration.ofSeconds(1), responseTimeout);
    }

    static Message sms(Purpose purpose, String text) {
        return Message.pending(new Outgoing(UUID.randomUUID(), "C-" + UUID.randomUUID(), purpose,
                RecipientKind.CUSTOMER, MessageChannel.SMS, PHONE, null, text), NOW);
    }
}
