/** Kafka listeners that start and stop SLA clocks from the router's ticket events. */
package closedloop.escalation.messaging;
