package closedloop.escalation.calendar;

import closedloop.testsupport.ContainerInfrastructure;

/** The calendar tests against MongoDB 7 and Kafka in containers; skipped where no Docker engine runs. */
@ContainerInfrastructure
class CalendarContainerIntegrationTests extends CalendarIntegrationTests {
}
