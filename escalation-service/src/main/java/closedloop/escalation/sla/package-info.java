/** SLA cases: each complaint's clocks against its time limits, the in-memory clock board per partition, and the loop that warns and escalates. */
package closedloop.escalation.sla;
