package closedloop.notification.channel;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The channel integration tests against an embedded KRaft Kafka broker and mongo-java-server. */
@EmbeddedInfrastructure
class ChannelEmbeddedIntegrationTests extends ChannelIntegrationTests {
}
