package closedloop.notification.channel;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The SMS gateway's credentials tests against an embedded KRaft Kafka broker and mongo-java-server. */
@EmbeddedInfrastructure
class SmsGatewayCredentialsEmbeddedIntegrationTests extends SmsGatewayCredentialsIntegrationTests {
}
