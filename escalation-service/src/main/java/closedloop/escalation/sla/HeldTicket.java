package closedloop.escalation.sla;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ticket a complaint is with now, held against its three clocks (sign for, first contact, resolve): whether it
 * waits on the customer, whether it reached level 2, and how far extensions moved its resolve deadline. It remembers
 * the ids of the waiting-on-customer and resumed events applied to it: a pause is the one change of a ticket that a
 * later event undoes, so only its id tells a late repeat from a new pause.
 */
public class HeldTicket {

    private String ticketId;
    private String branch;
    private Priority priority;
    private AssignmentReason reason;
    private Instant assignedAt;
    private List<SlaClock> clocks;
    private Instant pausedAt;
    private String pauseReason;
    private EscalationReason level2;
    private Instant deadlineBeforeExtensions;
    private int approvedExtensions;
    private List<String> pauseChanges = new ArrayList<>();

    HeldTicket() {
    }

    HeldTicket(String ticketId, String branch, Priority priority, AssignmentReason reason, Instant assignedAt,
               List<SlaClock> clocks) {
        this.ticketId = ticketId;
        this.branch = branch;
        this.priority = priority;
        this.reason = reason;
        this.assignedAt = assignedAt;
        this.clocks = List.copyOf(clocks);
    }

    /** This ticket's clock of the given kind (SIGN_FOR, FIRST_CONTACT or RESOLVE). */
    public SlaClock clock(ClockKind kind) {
        return clocks.stream().filter(clock -> clock.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("A ticket has no " + kind + " clock"));
    }

    /** Whether the ticket is still being worked on: its resolve clock has not stopped. */
    boolean isOpen() {
        return clock(ClockKind.RESOLVE).state() != ClockState.STOPPED;
    }

    /**
     * Every clock → STOPPED: the ticket was resolved or left its branch's hands. A pause ends with it. Emits whether a
     * clock was still running or paused.
     */
    boolean stopAll(Instant at) {
        boolean stopped = false;
        for (SlaClock clock : clocks) {
            stopped |= clock.stop(at);
        }
        pausedAt = null;
        pauseReason = null;
        return stopped;
    }

    /** Remembers a waiting-on-customer or resumed event as applied; emits false when it was applied before. */
    boolean rememberPauseChange(String eventId) {
        if (pauseChanges.contains(eventId)) {
            return false;
        }
        pauseChanges.add(eventId);
        return true;
    }

    /** Running clocks → PAUSED while the branch waits on the customer. */
    void pause(Instant at, String why) {
        clocks.forEach(SlaClock::pause);
        pausedAt = at;
        pauseReason = why;
    }

    /** Paused clocks → RUNNING, their instants moved by the pause; emits how long it lasted (calendar time). */
    Duration resume(Instant at, Instant cap, Deadlines deadlines) {
        Instant since = pausedAt;
        clocks.forEach(clock -> clock.resume(since, at, cap, deadlines));
        pausedAt = null;
        pauseReason = null;
        return Duration.between(since, at);
    }

    /** Level 2 fired for this ticket (at most once, whatever the reason). */
    void reachedLevel2(EscalationReason why) {
        level2 = why;
    }

    /** An extension was approved; the first one fixes the deadline the extension working days count from. */
    void extended(Instant previousDeadline) {
        if (deadlineBeforeExtensions == null) {
            deadlineBeforeExtensions = previousDeadline;
        }
        approvedExtensions++;
    }

    boolean isPaused() {
        return pausedAt != null;
    }

    public String ticketId() {
        return ticketId;
    }

    public String branch() {
        return branch;
    }

    public Priority priority() {
        return priority;
    }

    public AssignmentReason reason() {
        return reason;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public List<SlaClock> clocks() {
        return clocks;
    }

    public Instant pausedAt() {
        return pausedAt;
    }

    public String pauseReason() {
        return pauseReason;
    }

    public EscalationReason level2() {
        return level2;
    }

    public Instant deadlineBeforeExtensions() {
        return deadlineBeforeExtensions;
    }

    public int approvedExtensions() {
        return approvedExtensions;
    }
}
