package closedloop.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsNeverShownUnitTests {

    private final Sanitizer sanitizer = new Sanitizer(List.of(new PlatformAutoConfiguration().credentialsNeverShown()));
    private final PropertySource<?> source = new MapPropertySource("test", Map.of());

    @Test
    void hidesPasswordsSecretsTokensAndUserNamesEvenWhereValuesMayBeShown() {
        for (String key : List.of("closedloop.notification.sms.password", "closedloop.notification.sms.username",
                "spring.mail.password", "spring.mail.username", "closedloop.notification.sms.reply-secret",
                "spring.security.oauth2.client.registration.closedloop.client-secret", "some.api-key",
                "spring.data.mongodb.uri")) {
            assertThat(sanitizer.sanitize(new SanitizableData(source, key, "gw-s3cr3t"), true))
                    .as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
        }
    }

    @Test
    void showsOrdinarySettingsWhereValuesMayBeShown() {
        assertThat(sanitizer.sanitize(new SanitizableData(source, "closedloop.notification.sms.sign-name",
                "Closed Loop"), true)).isEqualTo("Closed Loop");
    }
}
