/** The HTTP API: a branch's ticket queue, the workflow actions on a ticket, its holders, and the branch directory. */
package closedloop.router.routing.web;
