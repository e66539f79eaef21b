package closedloop.notification;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The message matrix tests against an embedded KRaft Kafka broker and mongo-java-server. */
@EmbeddedInfrastructure
class MessageMatrixEmbeddedIntegrationTests extends MessageMatrixIntegrationTests {
}
