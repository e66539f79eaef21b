/** The channels' senders: the SMS gateway, the mail server, the staff consoles' live stream. */
package closedloop.notification.channel;
