package closedloop.router;

import closedloop.testsupport.EmbeddedInfrastructure;

@EmbeddedInfrastructure
class TicketRouterEmbeddedIntegrationTests extends TicketRouterIntegrationTests {
}
