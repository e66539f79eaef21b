/** Problems over HTTP: listed and read by staff; opened, linked, planned, put on the agenda and closed by supervisors. */
package closedloop.escalation.problem.web;
