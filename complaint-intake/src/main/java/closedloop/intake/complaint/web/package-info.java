/** The HTTP API for hotline agents: register a complaint and read it with its timeline. */
package closedloop.intake.complaint.web;
