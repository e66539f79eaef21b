/** Kafka listeners that turn the complaint's, the tickets' and the SLA clocks' events into messages and callbacks. */
package closedloop.notification.messaging;
