package closedloop.notification.message.delivery;

import closedloop.testsupport.ContainerInfrastructure;

/** The delivery tests against MongoDB 7 and Kafka containers; skipped without Docker. */
@ContainerInfrastructure
class DeliveryContainerIntegrationTests extends DeliveryIntegrationTests {
}
