/** Feeds registrations and resolutions to the problem detector, in a consumer group of its own. */
package closedloop.escalation.problem.messaging;
