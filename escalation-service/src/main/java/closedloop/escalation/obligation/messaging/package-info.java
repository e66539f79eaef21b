/** Records the promises of newly registered complaints as obligations, and which branch owes them. */
package closedloop.escalation.obligation.messaging;
