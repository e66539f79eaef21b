/** Callback tasks (回访): opened when a ticket is resolved, completed when the hotline records what the customer said. */
package closedloop.notification.callback;
