/** Callback tasks (回访): opened when a ticket is resolved, called by the hotline, surveyed by SMS after failed calls, completed with the outcome. */
package closedloop.notification.callback;
