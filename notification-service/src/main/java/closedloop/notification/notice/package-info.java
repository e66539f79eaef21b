/** The message matrix at work: per event, the messages of its purpose to each recipient, in their words. */
package closedloop.notification.notice;
