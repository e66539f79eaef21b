package closedloop.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Map;

/**
 * The people's console: the pages of the hotline agent, the branch dispatcher and the supervisor, served together with
 * the four services' APIs from one origin. It signs people in at the identity issuer ({@code closedloop.console.signin})
 * and Spring Cloud Gateway routes each API path to the service that owns it with the signed-in person's access token
 * ({@code web-console.yml}); the console itself holds no data but the signed-in people's sessions.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebConsoleApplication {

    public static final String NAME = "web-console";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, so that it can share one JVM with the services. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(WebConsoleApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }
}
