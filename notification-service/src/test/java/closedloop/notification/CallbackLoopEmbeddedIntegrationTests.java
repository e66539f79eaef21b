package closedloop.notification;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The callback loop against an embedded KRaft Kafka broker and mongo-java-server. */
@EmbeddedInfrastructure
class CallbackLoopEmbeddedIntegrationTests extends CallbackLoopIntegrationTests {
}
