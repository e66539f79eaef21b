package closedloop.notification.channel;

import closedloop.notification.message.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMS gateway's settings as Spring Boot binds them from {@code closedloop.notification.sms.*}. */
class SmsGatewayPropertiesUnitTests {

    @Test
    void bindsATemplateCodePerPurposeAndFallsBackToTheDefaultOne() {
        SmsGatewayProperties properties = bind(Map.of(
                "closedloop.notification.sms.url", "https://sms.example/api/messages",
                "closedloop.notification.sms.template-codes.REGISTRATION_ACK", "SMS_0001",
                "closedloop.notification.sms.template-codes.callback-survey", "SMS_0005",
                "closedloop.notification.sms.default-template-code", "SMS_0000"));

        assertThat(properties.url()).isEqualTo(URI.create("https://sms.example/api/messages"));
        assertThat(properties.templateCodeFor(Purpose.REGISTRATION_ACK)).isEqualTo("SMS_0001");
        assertThat(properties.templateCodeFor(Purpose.CALLBACK_SURVEY)).isEqualTo("SMS_0005");
        assertThat(properties.templateCodeFor(Purpose.CLOSURE_NOTICE)).isEqualTo("SMS_0000");
    }

    @Test
    void defaultsToTheEmbeddedRecordingGatewayWithoutAuthentication() {
        SmsGatewayProperties properties = bind(Map.of("closedloop.notification.sms.sign-name", "闭环投诉"));

        assertThat(properties.url()).isEqualTo(URI.create("http://localhost:8085/sms/messages"));
        assertThat(properties.username()).isNull();
        assertThat(properties.signName()).isEqualTo("闭环投诉");
        assertThat(properties.responseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.templateCodeFor(Purpose.REGISTRATION_ACK)).isEqualTo("CLOSED_LOOP_TEXT");
    }

    @Test
    void neverShowsItsCredentialsWhenPrinted() {
        SmsGatewayProperties properties = bind(Map.of(
                "closedloop.notification.sms.url", "https://gw-user:gw-s3cr3t@sms.example/api/messages",
                "closedloop.notification.sms.username", "gateway-account-17",
                "closedloop.notification.sms.password", "Pa55-w0rd-of-the-gateway"));

        assertThat(properties.toString())
                .contains("url=https://******@sms.example/api/messages", "username=(set)", "password=(set)",
                        "signName=Closed Loop")
                .doesNotContain("gateway-account-17", "Pa55-w0rd-of-the-gateway", "gw-user", "gw-s3cr3t");
        assertThat(bind(Map.of()).toString()).contains("username=(none)", "password=(none)");
    }

    static SmsGatewayProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("closedloop.notification.sms", SmsGatewayProperties.class);
    }
}
