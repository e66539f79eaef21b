package closedloop.escalation;

import closedloop.testsupport.AccessTableTests;
import closedloop.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** escalation-service's access table, proved over HTTP for every endpoint and role: docs/access/escalation-service.md. */
@EmbeddedInfrastructure
@SpringBootTest(classes = EscalationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + EscalationServiceApplication.NAME)
class EscalationAccessIntegrationTests extends AccessTableTests {
}
