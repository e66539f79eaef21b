package closedloop.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredSettingsUnitTests {

    @Test
    void aServiceMustBeGivenItsBrokerStoreIssuerAndEveryLocalhostOrDemoValueOfItsFile() {
        assertThat(RequiredSettings.of(Deployable.NOTIFICATION_SERVICE)).contains(
                "spring.kafka.bootstrap-servers",
                "spring.data.mongodb.uri",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "spring.mail.host",
                "closedloop.notification.sms.url",
                "closedloop.notification.sms-reply.secret")
                .doesNotContain("closedloop.notification.zone", "spring.security.oauth2.resourceserver.jwt.audiences");
    }

    @Test
    void theConsoleMustBeGivenTheIssuerItsSecretAndTheServicesButNoStoreOrBroker() {
        assertThat(RequiredSettings.of(Deployable.WEB_CONSOLE)).contains(
                "closedloop.console.issuer.url",
                "closedloop.console.issuer.client-secret",
                "closedloop.console.services.complaint-intake",
                "closedloop.console.services.notification-service")
                .doesNotContain(RequiredSettings.KAFKA, RequiredSettings.MONGODB);
    }

    @Test
    void aSettingIsSetByTheEnvironmentVariableOfSpringBootsRelaxedBinding() {
        assertThat(RequiredSettings.environmentVariable("closedloop.console.services.complaint-intake"))
                .isEqualTo("CLOSEDLOOP_CONSOLE_SERVICES_COMPLAINTINTAKE");
        assertThat(RequiredSettings.environmentVariable("spring.kafka.bootstrap-servers"))
                .isEqualTo("SPRING_KAFKA_BOOTSTRAPSERVERS");
        assertThat(RequiredSettings.environmentVariable("closedloop.rate-limits.paths[0].per-minute"))
                .isEqualTo("CLOSEDLOOP_RATELIMITS_PATHS_0_PERMINUTE");
    }
}
