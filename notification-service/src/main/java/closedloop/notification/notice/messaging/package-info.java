/** Kafka listeners that hand the complaints', the SLA engine's and this service's own failed deliveries' events to the notices. */
package closedloop.notification.notice.messaging;
