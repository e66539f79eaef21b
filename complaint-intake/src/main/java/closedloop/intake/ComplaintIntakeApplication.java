package closedloop.intake;

import closedloop.intake.complaint.Complaint;
import closedloop.platform.outbox.OutboxSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.util.Map;

/** complaint-intake: where hotline agents log complaints and see what became of them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplaintIntakeApplication {

    public static final String NAME = "complaint-intake";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, so that several services can share one JVM. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(ComplaintIntakeApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }

    /** The complaints carry their events in an outbox that the platform's relay publishes. */
    @Bean
    OutboxSource complaintsOutbox() {
        return new OutboxSource(Complaint.COLLECTION);
    }
}
