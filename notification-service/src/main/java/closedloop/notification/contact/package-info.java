/** The customer contact remembered per complaint, so that later events can reach the customer. */
package closedloop.notification.contact;
