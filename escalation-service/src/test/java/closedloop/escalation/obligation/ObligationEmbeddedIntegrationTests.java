package closedloop.escalation.obligation;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The obligation tests against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructure
class ObligationEmbeddedIntegrationTests extends ObligationIntegrationTests {
}
