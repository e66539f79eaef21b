/** Fixtures for the services' tests: an embedded MongoDB-wire server, a movable Clock and a probe on the Kafka topics. */
package closedloop.testsupport;
