package closedloop.router;

import closedloop.testsupport.AccessTableTests;
import closedloop.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** ticket-router's access table, proved over HTTP for every endpoint and role: docs/access/ticket-router.md. */
@EmbeddedInfrastructure
@SpringBootTest(classes = TicketRouterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + TicketRouterApplication.NAME)
class RouterAccessIntegrationTests extends AccessTableTests {
}
