package closedloop.escalation.league;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The league's integration tests against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructure
class LeagueEmbeddedIntegrationTests extends LeagueIntegrationTests {
}
