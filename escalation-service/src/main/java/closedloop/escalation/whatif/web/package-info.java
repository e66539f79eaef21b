/** The policy what-if over HTTP, for supervisors and administrators. */
package closedloop.escalation.whatif.web;
