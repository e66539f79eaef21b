/** The HTTP face of the branch league table, for supervisors. */
package closedloop.escalation.league.web;
