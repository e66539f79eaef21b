package closedloop.notification;

import closedloop.testsupport.ContainerInfrastructure;

/** The message matrix tests against MongoDB 7 and Kafka containers; skipped without Docker. */
@ContainerInfrastructure
class MessageMatrixContainerIntegrationTests extends MessageMatrixIntegrationTests {
}
