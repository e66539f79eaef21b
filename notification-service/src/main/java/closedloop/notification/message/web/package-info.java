/** The HTTP view of the messages sent about a complaint. */
package closedloop.notification.message.web;
