/** The HTTP face of the SLA cases for supervisors: escalations, clocks, and extension approvals. */
package closedloop.escalation.sla.web;
