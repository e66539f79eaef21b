package closedloop.notification.channel;

import closedloop.testsupport.ContainerInfrastructure;

/** The SMS gateway's credentials tests against MongoDB 7 and Kafka containers; skipped without Docker. */
@ContainerInfrastructure
class SmsGatewayCredentialsContainerIntegrationTests extends SmsGatewayCredentialsIntegrationTests {
}
