package closedloop.escalation.problem;

import closedloop.testsupport.ContainerInfrastructure;

/** The problem tests against MongoDB 7 and Kafka in containers; skipped where no Docker engine runs. */
@ContainerInfrastructure
class ProblemContainerIntegrationTests extends ProblemIntegrationTests {
}
