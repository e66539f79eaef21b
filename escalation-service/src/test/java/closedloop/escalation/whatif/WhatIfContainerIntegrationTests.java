package closedloop.escalation.whatif;

import closedloop.testsupport.ContainerInfrastructure;

/** The what-if tests against MongoDB 7 and Kafka in containers; skipped where no Docker engine runs. */
@ContainerInfrastructure
class WhatIfContainerIntegrationTests extends WhatIfIntegrationTests {
}
