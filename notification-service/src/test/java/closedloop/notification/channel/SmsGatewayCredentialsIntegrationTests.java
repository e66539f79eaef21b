package closedloop.notification.channel;

import closedloop.notification.NotificationServiceApplication;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Messages;
import closedloop.notification.message.Messenger;
import closedloop.notification.message.Outgoing;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMS gateway's credentials in the running service never show: not in the actuator's env and configprops endpoints,
 * even with both exposed and set to show values, and not in what the service logs (closedloop at DEBUG, Spring's HTTP
 * client at TRACE) while it sends through a gateway that wants them.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + NotificationServiceApplication.NAME,
                "closedloop.notification.sms.username=" + SmsGatewayCredentialsIntegrationTests.USER,
                "closedloop.notification.sms.password=" + SmsGatewayCredentialsIntegrationTests.PASSWORD,
                "spring.mail.password=" + SmsGatewayCredentialsIntegrationTests.MAIL_PASSWORD,
                // the most an operator might open up
                "management.endpoints.web.exposure.include=health,env,configprops",
                "management.endpoint.env.show-values=ALWAYS",
                "management.endpoint.configprops.show-values=ALWAYS",
                "logging.level.closedloop=DEBUG",
                "logging.level.org.springframework.web.reactive.function.client=TRACE",
                "logging.level.org.springframework.http.codec=TRACE"})
abstract class SmsGatewayCredentialsIntegrationTests {

    static final String USER = "gateway-account-4711";
    static final String PASSWORD = "Gw-Pa55-not-for-your-eyes";
    static final String MAIL_PASSWORD = "Smtp-Pa55-not-for-your-eyes";
    static final String PHONE = "13900004711";

    @Autowired
    WebTestClient web;

    @Autowired
    Messenger messenger;

    @Autowired
    Messages messages;

    @Autowired
    SmsGatewayProperties properties;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        LocalChannelServers.register(registry);
    }

    @Test
    void neverShowsTheCredentialsInTheEnvAndConfigpropsEndpointsEvenWhereTheyShowValues() {
        String env = body("/actuator/env");
        assertThat(env).contains("closedloop.notification.sms.password", "closedloop.notification.sms.username",
                        "\"closedloop.notification.sms.sign-name\":{\"value\":\"Closed Loop\"")
                .doesNotContain(PASSWORD, USER, MAIL_PASSWORD);
        web.get().uri("/actuator/env/closedloop.notification.sms.password").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.property.value").isEqualTo("******");
        web.get().uri("/actuator/env/closedloop.notification.sms.username").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.property.value").isEqualTo("******");

        String configprops = body("/actuator/configprops");
        assertThat(configprops).contains("closedloop.notification.sms", "\"signName\":\"Closed Loop\"",
                "\"password\":\"******\"", "\"username\":\"******\"").doesNotContain(PASSWORD, USER, MAIL_PASSWORD);
        assertThat(properties.toString()).doesNotContain(PASSWORD, USER);
    }

    @Test
    void neverLogsTheCredentialsWhileSendingThroughAGatewayThatWantsThem(CapturedOutput output) {
        Outgoing sms = new Outgoing(UUID.randomUUID(), UUID.randomUUID().toString(), Purpose.REGISTRATION_ACK,
                RecipientKind.CUSTOMER, MessageChannel.SMS, PHONE, null, "Your complaint is registered.");

        messenger.send(sms).block(Duration.ofSeconds(10));

        await().untilAsserted(() -> assertThat(messages.findById(Message.idFor(sms)).block().status())
                .isEqualTo(MessageStatus.SENT));
        LocalChannelServers.smsGateway().verify(postRequestedFor(urlEqualTo(LocalChannelServers.SMS_PATH))
                .withHeader("Idempotency-Key", equalTo(Message.idFor(sms)))
                .withBasicAuth(new BasicCredentials(USER, PASSWORD)));
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(output.getAll()).contains(LocalChannelServers.SMS_PATH)
                .doesNotContain(PASSWORD, USER, basic, PHONE);
    }

    private String body(String path) {
        return new String(web.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
    }
}
