/** What is remembered per complaint from its events: how to reach the customer, and the tickets it was reopened with. */
package closedloop.notification.contact;
