/** The HTTP API of the branch workflow: a branch's ticket queue, sign for (签收) and resolve (办结). */
package closedloop.router.routing.web;
