package closedloop.notification;

import closedloop.testsupport.AccessTableTests;
import closedloop.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** notification-service's access table, proved over HTTP for every endpoint and role: docs/access/notification-service.md. */
@EmbeddedInfrastructure
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + NotificationServiceApplication.NAME)
class NotificationAccessIntegrationTests extends AccessTableTests {
}
