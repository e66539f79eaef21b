package closedloop.escalation.problem;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The problem tests against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructure
class ProblemEmbeddedIntegrationTests extends ProblemIntegrationTests {
}
