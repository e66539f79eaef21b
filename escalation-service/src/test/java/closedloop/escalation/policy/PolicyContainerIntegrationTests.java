package closedloop.escalation.policy;

import closedloop.testsupport.ContainerInfrastructure;

/** The policy tests against MongoDB 7 and Kafka in containers; skipped where no Docker engine runs. */
@ContainerInfrastructure
class PolicyContainerIntegrationTests extends PolicyIntegrationTests {
}
