/** Kafka listeners that turn the complaint's and the tickets' events into messages and callback tasks. */
package closedloop.notification.messaging;
