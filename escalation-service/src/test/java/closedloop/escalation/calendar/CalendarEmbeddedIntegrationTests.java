package closedloop.escalation.calendar;

import closedloop.testsupport.EmbeddedInfrastructure;

/** The calendar tests against the embedded KRaft broker and mongo-java-server. */
@EmbeddedInfrastructure
class CalendarEmbeddedIntegrationTests extends CalendarIntegrationTests {
}
