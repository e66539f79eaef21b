/** Kafka listeners that add the other services' events to the complaints' timelines. */
package closedloop.intake.messaging;
