package closedloop.escalation.supervision.web;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.escalation.supervision.Alert;
import closedloop.escalation.supervision.AlertKind;
import closedloop.escalation.supervision.AlertStatus;

import java.time.Instant;

/**
 * An alert as supervisors see it.
 *
 * @param id       the id of the event that raised it
 * @param level    0 warning (催办), 1 supervision (督办), 2 office meeting (办公会, also an overdue decision)
 * @param clock    the limit concerned; null for an escalation no limit caused and for an overdue decision
 * @param deadline the limit's deadline, or the overdue decision's
 * @param itemId   the office-meeting item of a DECISION_OVERDUE alert
 * @param problemId the problem of a PROBLEM_OPENED, ACTION_WARNING or ACTION_OVERDUE alert
 * @param raisedAt when the event that raised it happened
 */
public record AlertView(String id, AlertKind kind, int level, String complaintId, String ticketId, String branch,
                        ClockKind clock, Instant deadline, EscalationReason reason, String itemId, String problemId,
                        Instant raisedAt, String summary, AlertStatus status, String acknowledgedBy,
                        Instant acknowledgedAt, Instant clearedAt) {

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id(), alert.kind(), alert.level(), alert.complaintId(), alert.ticketId(),
                alert.branch(), alert.clock(), alert.deadline(), alert.reason(), alert.itemId(), alert.problemId(),
                alert.raisedAt(),
                alert.summary(), alert.status(), alert.acknowledgedBy(), alert.acknowledgedAt(), alert.clearedAt());
    }
}
