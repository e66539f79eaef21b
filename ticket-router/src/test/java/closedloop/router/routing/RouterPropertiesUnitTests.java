package closedloop.router.routing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.PropertySource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The router's settings as Spring Boot binds them: today's values by default and in ticket-router.yml. */
class RouterPropertiesUnitTests {

    @Test
    void callsAComplaintUnclaimedAfterThreePassesUnlessSetOtherwise() {
        assertThat(bind(Map.of()).unclaimedAfter()).isEqualTo(3);
        assertThat(bind(Map.of("closedloop.router.unclaimed-after", "5")).unclaimedAfter()).isEqualTo(5);
    }

    @Test
    void declaresTheDefaultsInTheServicesConfigurationFile() throws IOException {
        List<PropertySource<?>> yml = new YamlPropertySourceLoader().load("ticket-router.yml",
                new ClassPathResource("ticket-router.yml"));

        assertThat(yml.get(0).getProperty("closedloop.router.unclaimed-after")).isEqualTo(3);
        assertThat(yml.get(0).getProperty("closedloop.router.directory")).isEqualTo("classpath:branch-directory.json");
    }

    private static RouterProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("closedloop.router", RouterProperties.class);
    }
}
