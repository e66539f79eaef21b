package closedloop.escalation.sla;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketEvent;
import closedloop.contracts.TicketWarned;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The escalation ladder (docs/architecture.md §5) of one complaint's clocks: the warning (催办) when the warning share of a
 * limit has passed, level 1 (督办) when a deadline passes, level 2 (办公会) when a MAJOR ticket breaches, when the
 * resolve deadline passed a further 100 % of its limit ago, or when the case reaches level 2 for another reason
 * (reopened too often, unclaimed). It works on the case's current ticket and OUTSIDE clock and tells the case what
 * fired; the case records it.
 * <p>
 * <b>Invariant:</b> each rung fires at most once — the warning and level 1 once per clock (a resolve clock carried to
 * the next ticket keeps what fired), level 2 once per ticket whatever the reason — and with an id derived from the
 * ticket (the complaint, for the OUTSIDE clock) and the rung, so that a firing repeated after a lost race, a crash or
 * a rebalance carries the same id. A paused ticket never climbs (the OUTSIDE clock, the complaint's, does); a warning
 * its breach made obsolete never comes; {@link #nextDue()} is never later than the next rung still to fire.
 */
final class EscalationLadder {

    private final String complaintId;
    private final HeldTicket ticket;
    private final SlaClock outside;

    /**
     * @param ticket  the case's current ticket; null before the first assignment
     * @param outside the complaint's OUTSIDE clock; null when its channel has none
     */
    EscalationLadder(String complaintId, HeldTicket ticket, SlaClock outside) {
        this.complaintId = complaintId;
        this.ticket = ticket;
        this.outside = outside;
    }

    /**
     * Every rung due at {@code at}, in the order it fires, each marked fired on its clock or ticket: per clock of a
     * ticket that is not paused the warning or level 1 (with level 2 for a MAJOR ticket), then the resolve clock's
     * level 2 when long past its limit, then the OUTSIDE clock's warning or level 1.
     */
    List<TicketEvent> climb(Instant at) {
        List<TicketEvent> fired = new ArrayList<>();
        if (ticket != null && !ticket.isPaused()) {
            for (SlaClock clock : ticket.clocks()) {
                fired.addAll(climb(clock, ticket.ticketId(), at));
            }
            SlaClock resolve = ticket.clock(ClockKind.RESOLVE);
            if (ticket.level2() == null && resolve.longPastDue(at)) {
                resolve.markLongPast();
                level2(EscalationReason.LONG_PAST_LIMIT, ClockKind.RESOLVE, resolve.deadline(), at)
                        .ifPresent(fired::add);
            }
        }
        if (outside != null) {
            fired.addAll(climb(outside, complaintId, at));
        }
        return fired;
    }

    private List<TicketEvent> climb(SlaClock clock, String idBase, Instant at) {
        if (clock.warningDue(at)) {
            clock.markWarned();
            return List.of(new TicketWarned(EventIds.derived(idBase, clock.kind() + "/warning"), at, complaintId,
                    ticket.ticketId(), ticket.branch(), clock.kind(), clock.deadline()));
        }
        if (!clock.breachDue(at)) {
            return List.of();
        }
        clock.markBreached();
        List<TicketEvent> fired = new ArrayList<>();
        fired.add(escalation(EventIds.derived(idBase, clock.kind() + "/level-1"), 1, clock.kind(), clock.deadline(),
                EscalationReason.LIMIT_PASSED, at));
        if (ticket.priority() == Priority.MAJOR) {
            level2(EscalationReason.MAJOR_BREACHED, clock.kind(), clock.deadline(), at).ifPresent(fired::add);
        }
        return fired;
    }

    /**
     * Level 2, the office meeting (办公会), for the current ticket, marked on it; empty when the ticket reached level 2
     * before, whatever the reason.
     *
     * @param clock    the limit that passed; null for a level 2 no limit caused
     * @param deadline when that limit passed
     */
    Optional<TicketEscalated> level2(EscalationReason reason, ClockKind clock, Instant deadline, Instant at) {
        if (ticket.level2() != null) {
            return Optional.empty();
        }
        ticket.reachedLevel2(reason);
        return Optional.of(escalation(EventIds.derived(ticket.ticketId(), "level-2"), 2, clock, deadline, reason,
                at));
    }

    private TicketEscalated escalation(UUID id, int level, ClockKind clock, Instant deadline,
                                       EscalationReason reason, Instant at) {
        return new TicketEscalated(id, at, complaintId, ticket.ticketId(), ticket.branch(), level, clock, deadline,
                reason);
    }

    /** The earliest instant at which a rung falls due, or null when none will. */
    Instant nextDue() {
        Instant next = null;
        if (ticket != null && !ticket.isPaused()) {
            for (SlaClock clock : ticket.clocks()) {
                next = earliest(next, clock.nextDue(ticket.level2() == null));
            }
        }
        if (outside != null) {
            next = earliest(next, outside.nextDue(false));
        }
        return next;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
