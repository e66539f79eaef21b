package closedloop.escalation.sla;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClocksPaused;
import closedloop.contracts.ClocksResumed;
import closedloop.contracts.DeadlineMoved;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.ExtensionRequested;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketEvent;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketResumed;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.TicketUnclaimed;
import closedloop.contracts.TicketWaitingOnCustomer;
import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.policy.LimitSet;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.IndexDirection;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static closedloop.escalation.sla.Deadlines.millis;

/**
 * One complaint held against its time limits (docs/architecture.md §4, §5): the ticket it is with now and that ticket's
 * sign-for, first-contact and resolve clocks, the complaint's OUTSIDE clock (regulator, 12315), its reopen count, the
 * extensions its branches asked for, and the escalations that fired. Its id is the complaint id. What extensions may
 * do is {@link ExtensionDecisions}', when the ladder climbs is {@link EscalationLadder}'s; this class applies the
 * router's events and records what they cause.
 * <p>
 * Every transition records its events in the document's outbox (one versioned write with the state) and keeps
 * {@code nextDueAt}, the earliest instant at which something (a warning, a breach, a level 2) falls due, null when
 * nothing will; the firing loop finds cases by it. Event ids are deterministic, so a firing repeated after a lost race
 * or a rebalance emits the same ids.
 * <p>
 * <b>A repeated event changes nothing, however late it comes.</b> Each event applies only when the fact it would
 * establish is not in the case yet, and those facts are kept for the case's whole life, never as a window of recent
 * event ids: a {@link TicketAssigned} applies when its ticket is not among the complaint's tickets; an event about
 * any ticket but the current one changes nothing; an {@link ExtensionRequested} applies when no extension has its id;
 * a {@link TicketWaitingOnCustomer} or {@link TicketResumed} when its id is not among the current ticket's pause
 * changes (a pause is the one change a later event undoes, so only its id tells a repeat); and the rest only stop
 * clocks, lapse requests or reach level 2, which a second time finds done. Why so: the facts are fields of this
 * document, so they are written in the same versioned write as the state they guard, which needs no transaction on
 * real MongoDB or on mongo-java-server, and they are checked on the case the listener reads by {@code _id} anyway, at
 * no extra read or write. Applied ids kept in a collection of their own would take a second write, which without a
 * transaction either lags the state (a crash between the two writes applies the event twice) or leads it (the event
 * is lost). And the facts grow only with what happened to the complaint (its tickets, extension requests and pauses),
 * not with every event that passed, so the document stays small.
 */
@Document(SlaCase.COLLECTION)
@CompoundIndex(name = "partition_nextDueAt", def = "{'partition': 1, 'nextDueAt': 1}")
@CompoundIndex(name = "extensions_id", def = "{'extensions.id': 1}")
@CompoundIndex(name = "extensions_status_requestedAt", def = "{'extensions.status': 1, 'extensions.requestedAt': -1}")
public class SlaCase extends OutboxDocument {

    public static final String COLLECTION = "sla_cases";

    @Id
    private String complaintId;
    @Version
    private Long version;
    private int partition;
    private Channel channel;
    private Instant registeredAt;
    private Instant policyAt;
    private Integer policyVersion;
    private Category category;
    private Priority priority;
    /** Every ticket dispatched for the complaint, oldest first; the last is {@link #ticket}'s. */
    private List<String> tickets = new ArrayList<>();
    private HeldTicket ticket;
    private SlaClock outside;
    private int reopenCount;
    private List<Extension> extensions = new ArrayList<>();
    private List<Escalation> escalations = new ArrayList<>();
    @Indexed(direction = IndexDirection.DESCENDING)
    private Instant lastEscalatedAt;
    private Instant nextDueAt;
    /** The key of the business calendar its deadlines were counted on ({@link BusinessCalendar#key}); null: shipped. */
    private String calendarKey;
    /** How many of the outbox's events are already in the stored document. */
    @Transient
    private int storedEvents;

    SlaCase() {
    }

    /** A complaint seen for the first time, on the given partition of router.ticket. */
    public static SlaCase open(String complaintId, int partition) {
        SlaCase opened = new SlaCase();
        opened.complaintId = complaintId;
        opened.partition = partition;
        return opened;
    }

    /**
     * The instant whose policy version a ticket assignment is measured against: the one chosen at the case's first
     * assignment, else the complaint's registration (or, for an event without it, the assignment itself).
     */
    public Instant policyInstant(TicketAssigned assigned) {
        if (policyAt != null) {
            return policyAt;
        }
        return millis(assigned.registeredAt() != null ? assigned.registeredAt() : assigned.occurredAt());
    }

    /**
     * Applies an event of router.ticket that arrived on {@code onPartition}; {@code policy} is needed for a
     * {@link TicketAssigned} only. Emits whether the case changed: false for a repeat, an event that is not about
     * clocks, or one about a ticket that is not the current one.
     */
    public boolean apply(TicketEvent event, int onPartition, TimeLimitPolicy policy, Deadlines deadlines) {
        if (!change(event, millis(event.occurredAt()), policy, deadlines)) {
            return false;
        }
        partition = onPartition;
        refreshNextDue();
        return true;
    }

    /** What each ticket event does to the case, in one place; emits whether anything changed. */
    private boolean change(TicketEvent event, Instant at, TimeLimitPolicy policy, Deadlines deadlines) {
        if (event instanceof TicketAssigned assigned) {
            return assign(assigned, at, policy, deadlines);
        }
        if (ticket == null || !ticket.ticketId().equals(event.ticketId())) {
            return false;
        }
        if (event instanceof TicketAccepted) {
            return ticket.clock(ClockKind.SIGN_FOR).stop(at);
        } else if (event instanceof FirstContactRecorded) {
            return ticket.clock(ClockKind.FIRST_CONTACT).stop(at);
        } else if (event instanceof TicketResolved) {
            return resolve(at);
        } else if (event instanceof TicketReturned || event instanceof TicketTransferred) {
            return handOver(at);
        } else if (event instanceof TicketWaitingOnCustomer waiting) {
            return ticket.rememberPauseChange(waiting.eventId().toString()) && pause(waiting, at);
        } else if (event instanceof TicketResumed resumed) {
            return ticket.rememberPauseChange(resumed.eventId().toString()) && resume(resumed, at, deadlines);
        } else if (event instanceof ExtensionRequested requested) {
            return decisions().request(requested, at);
        } else if (event instanceof TicketUnclaimed) {
            return reachLevel2(EscalationReason.UNCLAIMED, at);
        }
        return false;
    }

    /**
     * A ticket was dispatched: its clocks start from the dispatch, by the policy chosen at the complaint's first
     * assignment, never later than the OUTSIDE deadline (which starts once per complaint, from its registration).
     * After a return or transfer the RESOLVE clock keeps the previous ticket's deadline and its fired alerts; after a
     * reopen (发回重办) all three start fresh at the event's priority, and reopened as often as the rules say, the
     * complaint reaches level 2. Records {@link ClockStarted} for every clock started. A ticket dispatched before
     * changes nothing.
     */
    private boolean assign(TicketAssigned assigned, Instant at, TimeLimitPolicy policy, Deadlines deadlines) {
        if (isDispatchedBefore(assigned.ticketId())) {
            return false;
        }
        choosePolicyOnce(assigned, policy, deadlines);
        category = assigned.category();
        priority = assigned.priority();
        HeldTicket previous = ticket;
        if (previous != null) {
            previous.stopAll(at);
            decisions().lapsePending(previous.ticketId(), at);
        }
        startOutsideOnce(assigned, policy, deadlines, at);
        ticket = new HeldTicket(assigned.ticketId(), assigned.branch(), priority, assigned.reason(), at,
                startClocks(assigned, at, previous, policy.limits(category, priority), deadlines));
        tickets.add(assigned.ticketId());
        ticket.clocks().forEach(started -> recordStarted(assigned, started));
        if (assigned.reason() == AssignmentReason.REOPENED) {
            reopened(at, deadlines);
        }
        return true;
    }

    /** The first assignment fixes the policy version the complaint is measured by, its channel and registration. */
    private void choosePolicyOnce(TicketAssigned assigned, TimeLimitPolicy policy, Deadlines deadlines) {
        if (policyVersion == null) {
            calendarKey = deadlines.calendarKey();
            policyAt = policyInstant(assigned);
            policyVersion = policy.version();
            channel = assigned.channel();
            registeredAt = millis(assigned.registeredAt());
        }
    }

    /** Sent back to its branch (发回重办) once more: reopened as often as the rules say, it reaches level 2. */
    private void reopened(Instant at, Deadlines deadlines) {
        reopenCount++;
        if (reopenCount >= deadlines.rules().reopensForLevel2()) {
            reachLevel2(EscalationReason.REOPENED_TWICE, at);
        }
    }

    /** Whether the ticket was dispatched before (the current one counts too, for cases stored before the list). */
    private boolean isDispatchedBefore(String ticketId) {
        return tickets.contains(ticketId) || ticket != null && ticket.ticketId().equals(ticketId);
    }

    private List<SlaClock> startClocks(TicketAssigned assigned, Instant at, HeldTicket previous, LimitSet limits,
                                       Deadlines deadlines) {
        Instant cap = outsideCap();
        SlaClock signFor = SlaClock.start(ClockKind.SIGN_FOR, assigned.ticketId(), at, limits.signFor(), cap,
                deadlines);
        SlaClock firstContact = SlaClock.start(ClockKind.FIRST_CONTACT, assigned.ticketId(), at,
                limits.firstContact(), cap, deadlines);
        SlaClock resolve = keepsResolveDeadline(assigned, previous)
                ? previous.clock(ClockKind.RESOLVE).carriedTo(assigned.ticketId())
                : SlaClock.start(ClockKind.RESOLVE, assigned.ticketId(), at, limits.resolve(), cap, deadlines);
        return List.of(signFor, firstContact, resolve);
    }

    private static boolean keepsResolveDeadline(TicketAssigned assigned, HeldTicket previous) {
        return previous != null && (assigned.reason() == AssignmentReason.RETURNED
                || assigned.reason() == AssignmentReason.TRANSFERRED);
    }

    private void startOutsideOnce(TicketAssigned assigned, TimeLimitPolicy policy, Deadlines deadlines, Instant at) {
        if (outside != null || channel == null) {
            return;
        }
        policy.outside(channel).ifPresent(limit -> {
            Instant from = registeredAt != null ? registeredAt : at;
            outside = SlaClock.start(ClockKind.OUTSIDE, null, from, limit, null, deadlines);
            recordStarted(assigned, outside);
        });
    }

    private void recordStarted(TicketAssigned assigned, SlaClock clock) {
        String action = "start-" + clock.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-clock";
        record(new ClockStarted(EventIds.derived(assigned.eventId(), action), millis(assigned.occurredAt()),
                complaintId, assigned.ticketId(), assigned.branch(), clock.kind(), clock.deadline(), policyVersion,
                clock.limit().amount(), clock.basis()));
    }

    /** The ticket was resolved (办结): its clocks and the OUTSIDE clock stop; undecided extensions lapse. */
    private boolean resolve(Instant at) {
        boolean changed = handOver(at);
        if (outside != null) {
            changed |= outside.stop(at);
        }
        return changed;
    }

    /** The ticket was returned or transferred: its clocks stop (the resolve deadline goes on with the next ticket). */
    private boolean handOver(Instant at) {
        boolean stopped = ticket.stopAll(at);
        return decisions().lapsePending(ticket.ticketId(), at) || stopped;
    }

    /** The branch waits on the customer: the ticket's running clocks pause (not OUTSIDE); records ClocksPaused. */
    private boolean pause(TicketWaitingOnCustomer waiting, Instant at) {
        if (ticket.isOpen() && !ticket.isPaused()) {
            ticket.pause(at, waiting.reason());
            record(new ClocksPaused(EventIds.derived(waiting.eventId(), "pause-clocks"), at, complaintId,
                    ticket.ticketId(), ticket.branch(), waiting.reason()));
        }
        return true;
    }

    /**
     * The wait is over: every paused deadline, warning and level-2 instant moves on by the pause (in its clock's
     * basis, never past the OUTSIDE deadline); records ClocksResumed with the pause's calendar length.
     */
    private boolean resume(TicketResumed resumed, Instant at, Deadlines deadlines) {
        if (ticket.isPaused()) {
            var pausedFor = ticket.resume(at, outsideCap(), deadlines);
            record(new ClocksResumed(EventIds.derived(resumed.eventId(), "resume-clocks"), at, complaintId,
                    ticket.ticketId(), ticket.branch(), pausedFor, ticket.clock(ClockKind.RESOLVE).deadline()));
        }
        return true;
    }

    /**
     * A supervisor approves a PENDING extension of the current ticket, to {@code deadline} or, when null, to the
     * deadline requested: the RESOLVE deadline moves there, its warning and level-2 instants follow (alerts that fired
     * stay fired); records {@link closedloop.contracts.ExtensionApproved}. The limits are {@link ExtensionDecisions}'.
     *
     * @throws IllegalExtensionDecision when the extension is not PENDING or not of the current ticket
     * @throws ExtensionOutOfLimits     when the approval breaks a limit
     */
    public void approveExtension(String extensionId, Instant deadline, String actor, Instant now,
                                 Deadlines deadlines) {
        record(decisions().approve(extensionId, deadline, actor, millis(now), deadlines));
        refreshNextDue();
    }

    /**
     * A supervisor refuses a PENDING extension of the current ticket with a reason; the deadline stays. Records
     * {@link closedloop.contracts.ExtensionRefused}.
     *
     * @throws IllegalExtensionDecision when the extension is not PENDING or not of the current ticket
     */
    public void refuseExtension(String extensionId, String reason, String actor, Instant now) {
        record(decisions().refuse(extensionId, reason, actor, millis(now)));
    }

    /**
     * Fires what is due at {@code now} on the escalation ladder ({@link EscalationLadder}), each rung at most once per
     * ticket, clock and level, and records it. Emits whether anything fired.
     */
    public boolean fire(Instant now) {
        List<TicketEvent> fired = ladder().climb(millis(now));
        fired.forEach(this::recordRung);
        refreshNextDue();
        return !fired.isEmpty();
    }

    /**
     * The business calendar changed since the case's deadlines were counted on {@code before} (a year was uploaded):
     * every running or paused working-time clock keeps the working time it had left at {@code now}, counted on the
     * calendar as it is now — the OUTSIDE clock first, as it caps the others — and records {@link DeadlineMoved} for
     * each deadline that moved, with an id of the clock and the calendar, so a repeat emits the same ids. Once per
     * calendar: a case counted on the current one changes nothing. Emits whether the case changed.
     */
    public boolean recalendar(BusinessCalendar before, Instant now, Deadlines deadlines) {
        String key = deadlines.calendarKey();
        if (key.equals(calendarKey())) {
            return false;
        }
        calendarKey = key;
        Instant at = millis(now);
        if (outside != null) {
            moved(outside, outside.deadline(), outside.recalendar(at, before, null, deadlines), at, key);
        }
        if (ticket != null) {
            for (SlaClock clock : ticket.clocks()) {
                moved(clock, clock.deadline(), clock.recalendar(at, before, outsideCap(), deadlines), at, key);
            }
        }
        refreshNextDue();
        return true;
    }

    private void moved(SlaClock clock, Instant previous, boolean moved, Instant at, String key) {
        if (moved && ticket != null) {
            String action = "move-" + clock.kind() + "-deadline/" + ticket.ticketId() + "/" + key;
            record(new DeadlineMoved(EventIds.derived(complaintId, action), at, complaintId, ticket.ticketId(),
                    ticket.branch(), clock.kind(), previous, clock.deadline(), key));
        }
    }

    /** The key of the business calendar its deadlines were counted on ({@code ""}: the shipped years). */
    public String calendarKey() {
        return calendarKey == null ? "" : calendarKey;
    }

    /** Level 2, the office meeting (办公会), for a reason no limit caused: at most once per ticket, whatever the reason. */
    private boolean reachLevel2(EscalationReason reason, Instant at) {
        Optional<TicketEscalated> level2 = ladder().level2(reason, null, null, at);
        level2.ifPresent(this::recordRung);
        return level2.isPresent();
    }

    private void recordRung(TicketEvent rung) {
        record(rung);
        if (rung instanceof TicketEscalated escalated) {
            escalations.add(Escalation.of(escalated));
            lastEscalatedAt = escalated.occurredAt();
        }
    }

    private void refreshNextDue() {
        nextDueAt = ladder().nextDue();
    }

    private EscalationLadder ladder() {
        return new EscalationLadder(complaintId, ticket, outside);
    }

    private ExtensionDecisions decisions() {
        return new ExtensionDecisions(complaintId, extensions, ticket, outsideCap());
    }

    /** The deadline no internal clock may pass: the OUTSIDE deadline while that clock runs, else none. */
    private Instant outsideCap() {
        return outside != null && outside.state() != ClockState.STOPPED ? outside.deadline() : null;
    }

    /** The outbox events recorded since this case was loaded or saved. */
    int storedEvents() {
        return storedEvents;
    }

    /** The document as it is now has been read or written: every event recorded so far is stored. */
    void markStored(Long savedVersion) {
        version = savedVersion;
        storedEvents = pendingEvents().size();
    }

    public Optional<Extension> extension(String extensionId) {
        return decisions().find(extensionId);
    }

    public String complaintId() {
        return complaintId;
    }

    public Long version() {
        return version;
    }

    public int partition() {
        return partition;
    }

    public Channel channel() {
        return channel;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Integer policyVersion() {
        return policyVersion;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public HeldTicket ticket() {
        return ticket;
    }

    public SlaClock outside() {
        return outside;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public List<Extension> extensions() {
        return List.copyOf(extensions);
    }

    public List<Escalation> escalations() {
        return List.copyOf(escalations);
    }

    public Instant nextDueAt() {
        return nextDueAt;
    }
}
