package closedloop.notification.callback.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared secret of the SMS reply webhook: required, long enough, and never shown. */
class SmsReplyPropertiesUnitTests {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void bindsTheSecretWithAFiveMinuteToleranceAndNeverShowsIt() {
        context.withPropertyValues("closedloop.notification.sms-reply.secret=an-operators-own-secret")
                .run(started -> {
                    SmsReplyProperties properties = started.getBean(SmsReplyProperties.class);
                    assertThat(properties.secret()).isEqualTo("an-operators-own-secret");
                    assertThat(properties.timestampTolerance()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.toString()).doesNotContain("an-operators-own-secret");
                });
    }

    @Test
    void refusesToStartWithoutASecretOrWithAShortOne() {
        context.run(started -> assertThat(started).hasFailed().getFailure()
                .hasRootCauseInstanceOf(BindValidationException.class).rootCause().hasMessageContaining("secret"));
        context.withPropertyValues("closedloop.notification.sms-reply.secret=too-short")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasRootCauseInstanceOf(BindValidationException.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsReplyProperties.class)
    static class Settings {
    }
}
