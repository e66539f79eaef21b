/** Listeners for the complaint events that open tickets. */
package closedloop.router.messaging;
