/** The Kafka listener that feeds the live streams of the staff consoles open on this instance. */
package closedloop.notification.channel.messaging;
