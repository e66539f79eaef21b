package closedloop.escalation.whatif;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The what-if tests against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructure
class WhatIfEmbeddedIntegrationTests extends WhatIfIntegrationTests {
}
