/** SLA clocks: the time limits per category and priority, the clock aggregate, and the loop that fires escalations. */
package closedloop.escalation.sla;
