package closedloop.escalation.supervision;

/**
 * Which alerts to list; a null field does not filter.
 *
 * @param status null lists the open ones (OPEN and ACKNOWLEDGED: not yet cleared)
 * @param limit  at most this many, newest first
 */
public record AlertFilter(String branch, Integer level, AlertStatus status, AlertKind kind, String complaintId,
                          int limit) {
}
