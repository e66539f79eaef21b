/** The Kafka listener that hands the router's ticket events to the SLA cases and owns the clocks of its partitions. */
package closedloop.escalation.sla.messaging;
