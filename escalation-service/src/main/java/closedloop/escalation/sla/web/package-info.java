/** The HTTP face of the escalations, for supervisors. */
package closedloop.escalation.sla.web;
