package closedloop.intake;

import closedloop.testsupport.AccessTableTests;
import closedloop.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** complaint-intake's access table, proved over HTTP for every endpoint and role: docs/access/complaint-intake.md. */
@EmbeddedInfrastructure
@SpringBootTest(classes = ComplaintIntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ComplaintIntakeApplication.NAME)
class IntakeAccessIntegrationTests extends AccessTableTests {
}
