package closedloop.escalation.supervision.web;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.escalation.supervision.AgendaItem;
import closedloop.escalation.supervision.AgendaStatus;
import closedloop.escalation.supervision.Decision;

import java.time.Instant;
import java.util.List;

/**
 * An office-meeting item with its evidence pack.
 *
 * @param id        the item's id, which is the id of the level 2 escalation that put it on the agenda
 * @param clock     the limit whose breach escalated it; null when no limit did (reopened twice, unclaimed)
 * @param deadline  that limit's deadline
 * @param decision  the decision in force; null before the meeting decided
 * @param decisions every decision taken, oldest first
 */
public record AgendaEntry(String id, String complaintId, String ticketId, String branch, EscalationReason reason,
                          ClockKind clock, Instant deadline, Instant escalatedAt, AgendaStatus status,
                          Decision decision, List<Decision> decisions, Instant doneAt, String doneBecause,
                          Evidence evidence) {

    public static AgendaEntry of(AgendaItem item, Evidence evidence) {
        return new AgendaEntry(item.id(), item.complaintId(), item.ticketId(), item.branch(), item.reason(),
                item.clock(), item.deadline(), item.escalatedAt(), item.status(), item.decision(), item.decisions(),
                item.doneAt(), item.doneBecause(), evidence);
    }
}
