package closedloop.router;

import closedloop.testsupport.ContainerInfrastructure;

@ContainerInfrastructure
class TicketRouterContainerIntegrationTests extends TicketRouterIntegrationTests {
}
