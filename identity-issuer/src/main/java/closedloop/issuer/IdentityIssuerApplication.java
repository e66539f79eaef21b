package closedloop.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

import java.util.Map;

/**
 * The embedded default's OpenID Connect issuer: Spring Authorization Server with the demo staff, the clients of the
 * command line, the console and the integrations, and tokens of the shape every service reads
 * ({@code preferred_username}, {@code roles}, {@code branches}, audience {@code closedloop}).
 *
 * <p>It shares one JVM and one classpath with the WebFlux services on the embedded default, so it keeps to itself
 * both ways. Spring Boot configures the authorization server only in a servlet application, so this one is a servlet
 * application (Tomcat, without Spring MVC) whatever else the classpath holds. It imports exactly the
 * auto-configurations it uses rather than everything the classpath offers, so that the services' Kafka, MongoDB,
 * gateway and platform configuration never start in it; and its own configuration is in this package and below,
 * scanned only from here and never an auto-configuration, so that nothing of it starts in a service.
 */
@SpringBootConfiguration
@ComponentScan
@ConfigurationPropertiesScan
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        LifecycleAutoConfiguration.class,
        SslAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class,
        EmbeddedWebServerFactoryCustomizerAutoConfiguration.class,
        HttpEncodingAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class IdentityIssuerApplication {

    public static final String NAME = "identity-issuer";

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application with its own configuration file ({@code identity-issuer.yml}), as a servlet application, so
     * that it can share one JVM with the services.
     */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(IdentityIssuerApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        app.setWebApplicationType(WebApplicationType.SERVLET);
        return app;
    }
}
