package closedloop.intake;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The integration tests against the in-process Kafka broker and mongo-java-server. */
@EmbeddedInfrastructure
class ComplaintIntakeEmbeddedIntegrationTests extends ComplaintIntakeIntegrationTests {
}
