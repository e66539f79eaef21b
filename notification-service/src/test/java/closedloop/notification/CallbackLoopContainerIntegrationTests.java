package closedloop.notification;

import closedloop.testsupport.ContainerInfrastructure;

/** The callback loop against MongoDB 7 and Kafka containers; skipped without Docker. */
@ContainerInfrastructure
class CallbackLoopContainerIntegrationTests extends CallbackLoopIntegrationTests {
}
