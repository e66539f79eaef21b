package closedloop.escalation.whatif;

import closedloop.contracts.EventJson;
import closedloop.contracts.EventType;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ExtensionRefused;
import closedloop.contracts.Topics;
import closedloop.contracts.TicketEvent;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.escalation.sla.Deadlines;
import closedloop.escalation.sla.ExtensionOutOfLimits;
import closedloop.escalation.sla.IllegalExtensionDecision;
import closedloop.escalation.sla.SlaCase;
import closedloop.platform.events.CloudEvents.OutgoingEvent;

import java.time.Instant;
import java.util.List;

/**
 * Replays one complaint's recorded history under a policy, in memory, with the SLA engine's own {@link SlaCase}: the
 * router's events in the order they happened, the supervisors' extension decisions where they were made, and between
 * them every rung of the ladder that fell due, fired at its due instant, up to the horizon. Nothing is saved or
 * published; the case is dropped after. Every complaint is measured against the one policy given, whatever version
 * was in force for it.
 * <p>
 * An extension a supervisor approved is approved again to the same deadline when the replayed policy allows it, and
 * stays undecided when it does not (a draft's shorter limits can make the same deadline too far).
 */
public final class Replay {

    private final Deadlines deadlines;

    public Replay(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The rungs the complaint's tickets would have reached under {@code policy} by {@code horizon}. */
    public Rungs under(TimeLimitPolicy policy, String complaintId, List<TicketEvent> history, Instant horizon) {
        return Rungs.of(fired(policy, complaintId, history, horizon));
    }

    /** The warnings and escalations the replay fires under {@code policy} by {@code horizon}, in order. */
    public List<TicketEvent> fired(TimeLimitPolicy policy, String complaintId, List<TicketEvent> history,
                                   Instant horizon) {
        SlaCase replayed = SlaCase.open(complaintId, 0);
        for (TicketEvent event : history) {
            if (event.occurredAt().isAfter(horizon)) {
                break;
            }
            fireUntil(replayed, event.occurredAt());
            if (isRouters(event)) {
                replayed.apply(event, 0, policy, deadlines);
            } else if (event instanceof ExtensionApproved approved) {
                approveAgain(replayed, approved);
            } else if (event instanceof ExtensionRefused refused) {
                refuseAgain(replayed, refused);
            }
        }
        fireUntil(replayed, horizon);
        return rungsFiredBy(replayed);
    }

    private void fireUntil(SlaCase replayed, Instant until) {
        Instant due = replayed.nextDueAt();
        while (due != null && !due.isAfter(until) && replayed.fire(due)) {
            due = replayed.nextDueAt();
        }
    }

    private void approveAgain(SlaCase replayed, ExtensionApproved approved) {
        try {
            replayed.approveExtension(approved.extensionId(), approved.deadline(), approved.actor(),
                    approved.occurredAt(), deadlines);
        } catch (IllegalExtensionDecision | ExtensionOutOfLimits notUnderThisPolicy) {
            // the request lapsed or the deadline is out of this policy's limits: it stays as it was
        }
    }

    private static void refuseAgain(SlaCase replayed, ExtensionRefused refused) {
        try {
            replayed.refuseExtension(refused.extensionId(), refused.reason(), refused.actor(), refused.occurredAt());
        } catch (IllegalExtensionDecision notUnderThisPolicy) {
            // the request lapsed in this replay before it was refused
        }
    }

    private static boolean isRouters(TicketEvent event) {
        return Topics.ROUTER_TICKET.equals(EventType.of(event).topic());
    }

    /** The warnings and escalations the replayed case recorded (its other events are not rungs). */
    private static List<TicketEvent> rungsFiredBy(SlaCase replayed) {
        return replayed.pendingEvents().stream()
                .filter(Replay::isRung)
                .map(outgoing -> (TicketEvent) EventJson.read(EventType.byId(outgoing.type()).orElseThrow(),
                        outgoing.payload()))
                .toList();
    }

    private static boolean isRung(OutgoingEvent outgoing) {
        return outgoing.type().equals(EventType.TICKET_WARNED.id()) || outgoing.type().equals(
                EventType.TICKET_ESCALATED.id());
    }
}
