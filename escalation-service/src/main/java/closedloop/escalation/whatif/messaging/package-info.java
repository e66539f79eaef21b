/** Records the ticket events of router.ticket and escalation.sla into each complaint's ticket history. */
package closedloop.escalation.whatif.messaging;
