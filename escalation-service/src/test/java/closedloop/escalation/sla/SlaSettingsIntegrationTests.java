package closedloop.escalation.sla;

import closedloop.escalation.policy.SlaProperties;
import closedloop.escalation.policy.TimeLimitPolicy;

import closedloop.contracts.Category;
import closedloop.contracts.Priority;
import closedloop.escalation.EscalationServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits and the rules bind from the service's yml and from environment variables, as operators set them. */
class SlaSettingsIntegrationTests {

    @Test
    void bindsTheDefaultsOfTheDesignBriefFromTheServicesConfiguration() {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            assertThat(context.getBean(SlaProperties.class)).isEqualTo(SlaProperties.DEFAULTS);
        }
    }

    @Test
    void overridesLimitsByEnvironmentVariables() {
        try (ConfigurableApplicationContext context = start(Map.of(
                "CLOSEDLOOP_SLA_BILLING_RESOLVE", "PT20S",
                "CLOSEDLOOP_SLA_INSTALLATIONREPAIR_RESOLVE", "PT90M"))) {
            TimeLimitPolicy policy = TimeLimitPolicy.fromSettings(1, Instant.EPOCH,
                    context.getBean(SlaProperties.class));

            assertThat(policy.limits(Category.BILLING, Priority.NORMAL).resolve().amount())
                    .isEqualTo(Duration.ofSeconds(20));
            assertThat(policy.limits(Category.INSTALLATION_REPAIR, Priority.URGENT).resolve().amount())
                    .isEqualTo(Duration.ofMinutes(45));
            assertThat(policy.limits(Category.NETWORK_QUALITY, Priority.NORMAL).resolve().amount())
                    .isEqualTo(Duration.ofHours(72));
        }
    }

    @Test
    void bindsEnvironmentVariablesWithoutTheServicesConfigurationToo() {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "CLOSEDLOOP_SLA_SERVICEATTITUDE_RESOLVE", "P2D", "CLOSEDLOOP_SLA_OTHER_RESOLVE", "PT1H"));

        SlaProperties sla = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("closedloop.sla", SlaProperties.class);

        assertThat(sla.serviceAttitude().resolve()).isEqualTo(Duration.ofDays(2));
        assertThat(sla.other().resolve()).isEqualTo(Duration.ofHours(1));
        assertThat(sla.tariffProduct().resolve()).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void bindsTheRulesOfTheLadderAndOfExtensionsWithTheBriefsDefaults() {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            assertThat(context.getBean(EscalationProperties.class).rules()).isEqualTo(SlaRules.DEFAULTS);
        }
        EscalationProperties unset = new Binder(ConfigurationPropertySources.from(new MapPropertySource("none",
                Map.of()))).bindOrCreate("closedloop.escalation", EscalationProperties.class);
        assertThat(unset.rules()).isEqualTo(SlaRules.DEFAULTS);
    }

    @Test
    void overridesTheRulesByEnvironmentVariables() {
        try (ConfigurableApplicationContext context = start(Map.of(
                "CLOSEDLOOP_ESCALATION_WARNINGPERCENT", "80",
                "CLOSEDLOOP_ESCALATION_REOPENSFORLEVEL2", "3",
                "CLOSEDLOOP_ESCALATION_MAXEXTENSIONS", "1",
                "CLOSEDLOOP_ESCALATION_EXTENSIONWORKINGDAYS", "5"))) {
            assertThat(context.getBean(EscalationProperties.class).rules()).isEqualTo(new SlaRules(80, 3, 1, 5));
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        return new SpringApplicationBuilder(SlaSettings.class)
                .web(WebApplicationType.NONE)
                .environment(environment)
                .properties("spring.config.name=" + EscalationServiceApplication.NAME)
                .run();
    }

    /** Only the settings, none of the service's infrastructure. */
    @EnableConfigurationProperties({SlaProperties.class, EscalationProperties.class})
    static class SlaSettings {
    }
}
