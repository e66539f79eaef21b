/** The supervisor's views: live alerts, each complaint's dossier (evidence) and the office-meeting agenda with its decisions. */
package closedloop.escalation.supervision;
