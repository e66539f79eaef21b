/** Listeners for the events that open tickets: complaints registered or reopened, tickets returned or transferred. */
package closedloop.router.routing.messaging;
