package closedloop.notification;

import closedloop.testsupport.ContainerInfrastructure;

/** The integration tests against MongoDB 7 and Kafka containers; skipped without Docker. */
@ContainerInfrastructure
class NotificationContainerIntegrationTests extends NotificationIntegrationTests {
}
