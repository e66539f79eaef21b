/** The live stream of messages to the staff consoles, as server-sent events. */
package closedloop.notification.channel.web;
