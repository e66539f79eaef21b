package closedloop.notification;

import closedloop.notification.message.QuietHours;
import closedloop.notification.message.QuietHoursProperties;
import closedloop.platform.outbox.OutboxSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.util.Map;

/**
 * Tells customers what happens to their complaint, tells branches of warnings and escalations, and opens a callback
 * task once a ticket is resolved.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static final String NAME = "notification-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file, so that several services can share one JVM. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(NotificationServiceApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", NAME));
        return app;
    }

    /** The quiet hours for customer SMS, on the wall clock of the operator's zone. */
    @Bean
    QuietHours quietHours(QuietHoursProperties quietHours, NotificationProperties properties) {
        return quietHours.in(properties.zone());
    }

    /** Messages carry their {@code MessageSent} and {@code MessageFailed} events in their outbox. */
    @Bean
    OutboxSource messagesOutbox() {
        return new OutboxSource("messages");
    }

    /** Callbacks carry their {@code CallbackOpened} and {@code CallbackCompleted} events in their outbox. */
    @Bean
    OutboxSource callbacksOutbox() {
        return new OutboxSource("callbacks");
    }

    /** A phone's survey lock carries the {@code CallbackSurveyLocked} events of the surveys it holds. */
    @Bean
    OutboxSource surveyLockoutsOutbox() {
        return new OutboxSource("survey-lockouts");
    }
}
