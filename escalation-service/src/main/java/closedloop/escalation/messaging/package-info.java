/** The Kafka listener that applies the router's ticket events to the SLA cases and owns the clocks of its partitions. */
package closedloop.escalation.messaging;
