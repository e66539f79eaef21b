/** The HTTP API of the callback tasks: the hotline's worklist, calls and outcomes, and the customers' SMS survey replies. */
package closedloop.notification.callback.web;
