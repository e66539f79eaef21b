package closedloop.escalation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Map;

/** The escalation service: holds every ticket against its time limits and escalates it when one passes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EscalationServiceApplication {

    public static final String NAME = "escalation-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, so that several services can share one JVM. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(EscalationServiceApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }
}
