/** The HTTP face of supervision: alerts (listed, acknowledged, streamed live), the office-meeting agenda and dossiers. */
package closedloop.escalation.supervision.web;
