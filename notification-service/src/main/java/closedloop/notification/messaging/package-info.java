/**
 * Kafka listeners that turn the complaint's, the tickets' and the SLA clocks' events into messages and callbacks, and
 * this service's own failed deliveries into alerts for the supervisors.
 */
package closedloop.notification.messaging;
