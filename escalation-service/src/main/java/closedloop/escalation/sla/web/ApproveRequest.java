package closedloop.escalation.sla.web;

import closedloop.platform.web.IsoInstant;

/**
 * A supervisor approves an extension (延期).
 *
 * @param deadline the new resolve deadline when it is not the one requested; optional
 */
public record ApproveRequest(@IsoInstant String deadline) {
}
