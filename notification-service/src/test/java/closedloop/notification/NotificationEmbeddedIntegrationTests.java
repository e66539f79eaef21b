package closedloop.notification;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The integration tests against an embedded KRaft Kafka broker and mongo-java-server. */
@EmbeddedInfrastructure
class NotificationEmbeddedIntegrationTests extends NotificationIntegrationTests {
}
