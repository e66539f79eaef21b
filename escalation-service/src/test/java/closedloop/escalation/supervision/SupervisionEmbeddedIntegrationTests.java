package closedloop.escalation.supervision;

import closedloop.testsupport.EmbeddedInfrastructure;

/** Supervision's integration tests against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructure
class SupervisionEmbeddedIntegrationTests extends SupervisionIntegrationTests {
}
