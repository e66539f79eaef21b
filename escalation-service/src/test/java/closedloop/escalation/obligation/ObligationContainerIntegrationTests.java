package closedloop.escalation.obligation;

import closedloop.testsupport.ContainerInfrastructure;

/** The obligation tests against MongoDB 7 and Kafka in containers; skipped where no Docker engine runs. */
@ContainerInfrastructure
class ObligationContainerIntegrationTests extends ObligationIntegrationTests {
}
