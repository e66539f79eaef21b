/** The HTTP API of the callback tasks: the hotline's list and the recording of outcomes. */
package closedloop.notification.callback.web;
