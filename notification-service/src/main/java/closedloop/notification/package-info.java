/** The notification service: tells the customer what happens to their complaint and opens the callback tasks. */
package closedloop.notification;
