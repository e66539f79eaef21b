package closedloop.escalation.league;

import closedloop.testsupport.ContainerInfrastructure;

/** The league's integration tests against MongoDB 7 and Kafka in containers; skipped where no Docker engine runs. */
@ContainerInfrastructure
class LeagueContainerIntegrationTests extends LeagueIntegrationTests {
}
