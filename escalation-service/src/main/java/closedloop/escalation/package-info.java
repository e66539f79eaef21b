/** The escalation service: SLA clocks per ticket, and the escalations they fire when a time limit passes. */
package closedloop.escalation;
