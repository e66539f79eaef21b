package closedloop.escalation;

import closedloop.testsupport.ContainerInfrastructure;

/** The integration tests against MongoDB 7 and Kafka in containers; skipped where no Docker engine runs. */
@ContainerInfrastructure
class EscalationContainerIntegrationTests extends EscalationIntegrationTests {
}
