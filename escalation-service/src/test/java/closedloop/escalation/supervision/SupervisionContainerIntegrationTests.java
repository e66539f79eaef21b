package closedloop.escalation.supervision;

import closedloop.testsupport.ContainerInfrastructure;

/** Supervision's integration tests against MongoDB 7 and Kafka in containers; skipped where no Docker engine runs. */
@ContainerInfrastructure
class SupervisionContainerIntegrationTests extends SupervisionIntegrationTests {
}
