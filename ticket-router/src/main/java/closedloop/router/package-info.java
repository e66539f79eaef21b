/** The ticket router: turns each registered complaint into a ticket (工单) at the branch that must fix it. */
package closedloop.router;
