/** The channels through which messages leave: mail over SMTP, SMS through an HTTP gateway, live server-sent events. */
package closedloop.notification.channel;
