package closedloop.escalation;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The integration tests against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructure
class EscalationEmbeddedIntegrationTests extends EscalationIntegrationTests {
}
