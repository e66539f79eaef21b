package closedloop.notification.channel;

import closedloop.testsupport.ContainerInfrastructure;

/** The channel integration tests against MongoDB 7 and Kafka containers; skipped without Docker. */
@ContainerInfrastructure
class ChannelContainerIntegrationTests extends ChannelIntegrationTests {
}
