package closedloop.notification.message.delivery;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The delivery tests against an embedded KRaft Kafka broker and mongo-java-server. */
@EmbeddedInfrastructure
class DeliveryEmbeddedIntegrationTests extends DeliveryIntegrationTests {
}
