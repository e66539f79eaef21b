/** Obligations over HTTP: listed for the branch, the agent and the supervisor; fulfilled by the branch; waived. */
package closedloop.escalation.obligation.web;
