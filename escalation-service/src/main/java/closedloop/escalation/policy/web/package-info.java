/** HTTP for time-limit policies: read every version, and publish a new one (admin). */
package closedloop.escalation.policy.web;
