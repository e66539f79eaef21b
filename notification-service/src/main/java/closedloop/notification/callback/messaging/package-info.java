/** The Kafka listener that opens a callback task for each resolved ticket, handing the tickets' notices over on the way. */
package closedloop.notification.callback.messaging;
