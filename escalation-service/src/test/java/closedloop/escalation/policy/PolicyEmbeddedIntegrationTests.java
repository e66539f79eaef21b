package closedloop.escalation.policy;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The policy tests against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructure
class PolicyEmbeddedIntegrationTests extends PolicyIntegrationTests {
}
