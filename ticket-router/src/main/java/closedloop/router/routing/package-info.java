/** Tickets, the reloadable branch directory, the routing rule and the branch workflow as a state machine. */
package closedloop.router.routing;
