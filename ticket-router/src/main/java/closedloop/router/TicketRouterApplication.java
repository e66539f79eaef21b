package closedloop.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Map;

/** The ticket router: routes every complaint to its branch and runs the branch's workflow on the ticket. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TicketRouterApplication {

    public static final String NAME = "ticket-router";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, so that several services can share one JVM. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(TicketRouterApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }
}
