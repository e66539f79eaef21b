/** Tickets, the branch directory, the routing rule and the branch workflow (sign for, resolve). */
package closedloop.router.routing;
