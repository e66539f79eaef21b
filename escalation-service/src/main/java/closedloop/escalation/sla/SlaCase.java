package closedloop.escalation.sla;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.ClocksPaused;
import closedloop.contracts.ClocksResumed;
import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.EventIds;
import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ExtensionRefused;
import closedloop.contracts.ExtensionRequested;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.contracts.TicketResumed;
import closedloop.contracts.TicketReturned;
import closedloop.contracts.TicketTransferred;
import closedloop.contracts.TicketUnclaimed;
import closedloop.contracts.TicketWaitingOnCustomer;
import closedloop.contracts.TicketWarned;
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
import java.util.UUID;

import static closedloop.escalation.sla.Deadlines.millis;

/**
 * One complaint held against its time limits (design brief §4, §5): the ticket it is with now and that ticket's
 * sign-for, first-contact and resolve clocks, the complaint's OUTSIDE clock (regulator, 12315), its reopen count, the
 * extensions its branches asked for, and the escalations that fired. Its id is the complaint id.
 * <p>
 * Every transition records its events in the document's outbox (one versioned write with the state) and keeps
 * {@code nextDueAt}, the earliest instant at which something (a warning, a breach, a level 2) falls due, null when
 * nothing will; the firing loop finds cases by it. The ids of the last {@value #REMEMBERED_EVENTS} applied events
 * make a repeated event change nothing. Event ids are deterministic, so a firing repeated after a lost race or a
 * rebalance emits the same ids.
 */
@Document(SlaCase.COLLECTION)
@CompoundIndex(name = "partition_nextDueAt", def = "{'partition': 1, 'nextDueAt': 1}")
@CompoundIndex(name = "extensions_id", def = "{'extensions.id': 1}")
@CompoundIndex(name = "extensions_status_requestedAt", def = "{'extensions.status': 1, 'extensions.requestedAt': -1}")
public class SlaCase extends OutboxDocument {

    public static final String COLLECTION = "sla_cases";

    /** How many applied event ids a case remembers; a repeat arrives long before so many newer events. */
    static final int REMEMBERED_EVENTS = 64;
    /** At most this many approved extensions per ticket. */
    static final int MAX_EXTENSIONS = 2;
    /** Reopened this often (发回重办), a complaint goes to the office meeting. */
    static final int REOPENS_FOR_LEVEL_2 = 2;

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
    private HeldTicket ticket;
    private SlaClock outside;
    private int reopenCount;
    private List<Extension> extensions = new ArrayList<>();
    private List<String> appliedEvents = new ArrayList<>();
    private List<Escalation> escalations = new ArrayList<>();
    @Indexed(direction = IndexDirection.DESCENDING)
    private Instant lastEscalatedAt;
    private Instant nextDueAt;
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
     * {@link TicketAssigned} only. Emits whether the case changed: false for a repeat or an event that is not about
     * clocks. An event about a ticket that is not the current one changes nothing but is remembered as applied.
     */
    public boolean apply(ClosedLoopEvent event, int onPartition, TimeLimitPolicy policy, Deadlines deadlines) {
        String eventId = event.eventId().toString();
        if (appliedEvents.contains(eventId) || !isAboutClocks(event)) {
            return false;
        }
        partition = onPartition;
        if (event instanceof TicketAssigned assigned) {
            assign(assigned, policy, deadlines);
        } else if (isAboutCurrentTicket(event)) {
            applyToTicket(event, millis(event.occurredAt()), deadlines);
        }
        remember(eventId);
        refreshNextDue();
        return true;
    }

    private void applyToTicket(ClosedLoopEvent event, Instant at, Deadlines deadlines) {
        if (event instanceof TicketAccepted) {
            ticket.clock(ClockKind.SIGN_FOR).stop(at);
        } else if (event instanceof FirstContactRecorded) {
            ticket.clock(ClockKind.FIRST_CONTACT).stop(at);
        } else if (event instanceof TicketResolved) {
            resolve(at);
        } else if (event instanceof TicketReturned || event instanceof TicketTransferred) {
            handOver(at);
        } else if (event instanceof TicketWaitingOnCustomer waiting) {
            pause(waiting, at);
        } else if (event instanceof TicketResumed resumed) {
            resume(resumed, at, deadlines);
        } else if (event instanceof ExtensionRequested requested) {
            requestExtension(requested, at);
        } else if (event instanceof TicketUnclaimed) {
            reachLevel2(EscalationReason.UNCLAIMED, null, null, at);
        }
    }

    /**
     * A ticket was dispatched: its clocks start from the dispatch, by the policy chosen at the complaint's first
     * assignment, never later than the OUTSIDE deadline (which starts once per complaint, from its registration).
     * After a return or transfer the RESOLVE clock keeps the previous ticket's deadline and its fired alerts; after a
     * reopen (发回重办) all three start fresh at the event's priority and the second reopen reaches level 2. Records
     * {@link ClockStarted} for every clock started.
     */
    private void assign(TicketAssigned assigned, TimeLimitPolicy policy, Deadlines deadlines) {
        Instant at = millis(assigned.occurredAt());
        if (policyVersion == null) {
            policyAt = policyInstant(assigned);
            policyVersion = policy.version();
            channel = assigned.channel();
            registeredAt = millis(assigned.registeredAt());
        }
        category = assigned.category();
        priority = assigned.priority();
        HeldTicket previous = ticket;
        if (previous != null) {
            previous.stopAll(at);
            lapsePendingExtensions(previous.ticketId(), at);
        }
        startOutsideOnce(assigned, policy, deadlines, at);
        LimitSet limits = policy.limits(category, priority);
        Instant cap = outsideCap();
        SlaClock signFor = SlaClock.start(ClockKind.SIGN_FOR, assigned.ticketId(), at, limits.signFor(), cap, deadlines);
        SlaClock firstContact = SlaClock.start(ClockKind.FIRST_CONTACT, assigned.ticketId(), at,
                limits.firstContact(), cap, deadlines);
        SlaClock resolve = keepsResolveDeadline(assigned, previous)
                ? previous.clock(ClockKind.RESOLVE).carriedTo(assigned.ticketId())
                : SlaClock.start(ClockKind.RESOLVE, assigned.ticketId(), at, limits.resolve(), cap, deadlines);
        ticket = new HeldTicket(assigned.ticketId(), assigned.branch(), priority, assigned.reason(), at,
                List.of(signFor, firstContact, resolve));
        for (SlaClock started : ticket.clocks()) {
            recordStarted(assigned, started);
        }
        if (assigned.reason() == AssignmentReason.REOPENED) {
            reopenCount++;
            if (reopenCount >= REOPENS_FOR_LEVEL_2) {
                reachLevel2(EscalationReason.REOPENED_TWICE, null, null, at);
            }
        }
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
    private void resolve(Instant at) {
        ticket.stopAll(at);
        if (outside != null) {
            outside.stop(at);
        }
        lapsePendingExtensions(ticket.ticketId(), at);
    }

    /** The ticket was returned or transferred: its clocks stop (the resolve deadline goes on with the next ticket). */
    private void handOver(Instant at) {
        ticket.stopAll(at);
        lapsePendingExtensions(ticket.ticketId(), at);
    }

    /** The branch waits on the customer: the ticket's running clocks pause (not OUTSIDE); records ClocksPaused. */
    private void pause(TicketWaitingOnCustomer waiting, Instant at) {
        if (!ticket.isOpen() || ticket.isPaused()) {
            return;
        }
        ticket.pause(at, waiting.reason());
        record(new ClocksPaused(EventIds.derived(waiting.eventId(), "pause-clocks"), at, complaintId,
                ticket.ticketId(), ticket.branch(), waiting.reason()));
    }

    /**
     * The wait is over: every paused deadline, warning and level-2 instant moves on by the pause (in its clock's
     * basis, never past the OUTSIDE deadline); records ClocksResumed with the pause's calendar length.
     */
    private void resume(TicketResumed resumed, Instant at, Deadlines deadlines) {
        if (!ticket.isPaused()) {
            return;
        }
        var pausedFor = ticket.resume(at, outsideCap(), deadlines);
        record(new ClocksResumed(EventIds.derived(resumed.eventId(), "resume-clocks"), at, complaintId,
                ticket.ticketId(), ticket.branch(), pausedFor, ticket.clock(ClockKind.RESOLVE).deadline()));
    }

    /** The branch asked for more time: a PENDING extension, shown to supervisors. */
    private void requestExtension(ExtensionRequested requested, Instant at) {
        if (!ticket.isOpen()) {
            return;
        }
        extensions.add(Extension.requested(requested.eventId().toString(), ticket.ticketId(), ticket.branch(),
                requested.reason(), requested.actor(), at, millis(requested.requestedDeadline())));
    }

    /**
     * A supervisor approves a PENDING extension of the current ticket, to {@code deadline} or, when null, to the
     * deadline requested: the RESOLVE deadline moves there, its warning and level-2 instants follow (alerts that fired
     * stay fired); records {@link ExtensionApproved}. At most {@value #MAX_EXTENSIONS} per ticket; the deadline must be
     * later than the current one, at most 10 working days after the deadline before the ticket's first extension, and
     * never past the OUTSIDE deadline.
     *
     * @throws IllegalExtensionDecision when the extension is not PENDING or not of the current ticket
     * @throws ExtensionOutOfLimits     when the approval breaks a limit
     */
    public void approveExtension(String extensionId, Instant deadline, String actor, Instant now,
                                 Deadlines deadlines) {
        Extension extension = decidable(extensionId, "approve");
        if (ticket.approvedExtensions() >= MAX_EXTENSIONS) {
            throw new ExtensionOutOfLimits("A ticket may be extended at most " + MAX_EXTENSIONS + " times; ticket "
                    + ticket.ticketId() + " was extended " + ticket.approvedExtensions() + " times already");
        }
        SlaClock resolve = ticket.clock(ClockKind.RESOLVE);
        Instant previous = resolve.deadline();
        Instant target = millis(deadline != null ? deadline : extension.requestedDeadline());
        requireWithinLimits(target, previous, deadlines);
        ticket.extended(previous);
        resolve.extendTo(target, deadlines);
        replace(extension.approved(target, actor, millis(now)));
        record(new ExtensionApproved(EventIds.derived(extensionId, "approve"), millis(now), complaintId,
                ticket.ticketId(), ticket.branch(), extensionId, previous, target, actor));
        refreshNextDue();
    }

    private void requireWithinLimits(Instant target, Instant previous, Deadlines deadlines) {
        if (!target.isAfter(previous)) {
            throw new ExtensionOutOfLimits("The new deadline " + target + " is not later than the current resolve "
                    + "deadline " + previous);
        }
        Instant base = ticket.deadlineBeforeExtensions() != null ? ticket.deadlineBeforeExtensions() : previous;
        Instant latest = deadlines.extensionCap(base);
        if (target.isAfter(latest)) {
            throw new ExtensionOutOfLimits("Extensions may add at most " + Deadlines.EXTENSION_WORKING_DAYS
                    + " working days in total: the deadline may not pass " + latest);
        }
        Instant cap = outsideCap();
        if (cap != null && target.isAfter(cap)) {
            throw new ExtensionOutOfLimits("The new deadline " + target + " is later than the complaint's outside "
                    + "deadline " + cap);
        }
    }

    /**
     * A supervisor refuses a PENDING extension of the current ticket with a reason; the deadline stays. Records
     * {@link ExtensionRefused}.
     *
     * @throws IllegalExtensionDecision when the extension is not PENDING or not of the current ticket
     */
    public void refuseExtension(String extensionId, String reason, String actor, Instant now) {
        Extension extension = decidable(extensionId, "refuse");
        replace(extension.refused(reason, actor, millis(now)));
        record(new ExtensionRefused(EventIds.derived(extensionId, "refuse"), millis(now), complaintId,
                ticket.ticketId(), ticket.branch(), extensionId, reason, actor));
    }

    private Extension decidable(String extensionId, String action) {
        Extension extension = extension(extensionId)
                .orElseThrow(() -> new IllegalArgumentException("No extension " + extensionId + " in " + complaintId));
        if (!extension.isPending()) {
            throw new IllegalExtensionDecision(extension.status(), action);
        }
        if (ticket == null || !ticket.ticketId().equals(extension.ticketId()) || !ticket.isOpen()) {
            throw new IllegalExtensionDecision(ExtensionStatus.LAPSED, action);
        }
        return extension;
    }

    /**
     * Fires what is due at {@code now}, each at most once per ticket, clock and level: the warning (TicketWarned) at
     * 75 % — skipped when the deadline passed too (after downtime a warning made obsolete by the breach never comes);
     * level 1 (TicketEscalated, LIMIT_PASSED) when a deadline passed, and with it level 2 MAJOR_BREACHED for a MAJOR
     * ticket; level 2 LONG_PAST_LIMIT a further 100 % of the resolve limit after the resolve deadline. A paused ticket
     * never fires; the OUTSIDE clock, the complaint's, keeps running and fires with ids derived from the complaint.
     * Emits whether anything fired.
     */
    public boolean fire(Instant now) {
        Instant at = millis(now);
        boolean fired = false;
        if (ticket != null && !ticket.isPaused()) {
            for (SlaClock clock : ticket.clocks()) {
                fired |= fireClock(clock, ticket.ticketId(), at);
            }
            SlaClock resolve = ticket.clock(ClockKind.RESOLVE);
            if (ticket.level2() == null && resolve.longPastDue(at)) {
                resolve.markLongPast();
                reachLevel2(EscalationReason.LONG_PAST_LIMIT, ClockKind.RESOLVE, resolve.deadline(), at);
                fired = true;
            }
        }
        if (outside != null) {
            fired |= fireClock(outside, complaintId, at);
        }
        refreshNextDue();
        return fired;
    }

    private boolean fireClock(SlaClock clock, String idBase, Instant at) {
        if (clock.warningDue(at)) {
            clock.markWarned();
            record(new TicketWarned(EventIds.derived(idBase, clock.kind() + "/warning"), at, complaintId,
                    ticket.ticketId(), ticket.branch(), clock.kind(), clock.deadline()));
            return true;
        }
        if (clock.breachDue(at)) {
            clock.markBreached();
            escalate(EventIds.derived(idBase, clock.kind() + "/level-1"), 1, clock.kind(), clock.deadline(),
                    EscalationReason.LIMIT_PASSED, at);
            if (ticket.priority() == Priority.MAJOR) {
                reachLevel2(EscalationReason.MAJOR_BREACHED, clock.kind(), clock.deadline(), at);
            }
            return true;
        }
        return false;
    }

    /** Level 2, the office meeting (办公会): at most once per ticket, whatever the reason. */
    private void reachLevel2(EscalationReason reason, ClockKind clock, Instant deadline, Instant at) {
        if (ticket.level2() != null) {
            return;
        }
        ticket.reachedLevel2(reason);
        escalate(EventIds.derived(ticket.ticketId(), "level-2"), 2, clock, deadline, reason, at);
    }

    private void escalate(UUID id, int level, ClockKind clock, Instant deadline, EscalationReason reason,
                          Instant at) {
        record(new TicketEscalated(id, at, complaintId, ticket.ticketId(), ticket.branch(), level, clock, deadline,
                reason));
        escalations.add(new Escalation(ticket.ticketId(), ticket.branch(), level, clock, deadline, reason, at));
        lastEscalatedAt = at;
    }

    private void refreshNextDue() {
        Instant next = null;
        if (ticket != null && !ticket.isPaused()) {
            for (SlaClock clock : ticket.clocks()) {
                next = earliest(next, clock.nextDue(ticket.level2() == null));
            }
        }
        if (outside != null) {
            next = earliest(next, outside.nextDue(false));
        }
        nextDueAt = next;
    }

    /** The deadline no internal clock may pass: the OUTSIDE deadline while that clock runs, else none. */
    private Instant outsideCap() {
        return outside != null && outside.state() != ClockState.STOPPED ? outside.deadline() : null;
    }

    private boolean isAboutClocks(ClosedLoopEvent event) {
        return event instanceof TicketAssigned || event instanceof TicketAccepted
                || event instanceof FirstContactRecorded || event instanceof TicketResolved
                || event instanceof TicketReturned || event instanceof TicketTransferred
                || event instanceof TicketWaitingOnCustomer || event instanceof TicketResumed
                || event instanceof ExtensionRequested || event instanceof TicketUnclaimed;
    }

    private boolean isAboutCurrentTicket(ClosedLoopEvent event) {
        return ticket != null && ticket.ticketId().equals(ticketIdOf(event));
    }

    private static String ticketIdOf(ClosedLoopEvent event) {
        if (event instanceof TicketAccepted e) {
            return e.ticketId();
        } else if (event instanceof FirstContactRecorded e) {
            return e.ticketId();
        } else if (event instanceof TicketResolved e) {
            return e.ticketId();
        } else if (event instanceof TicketReturned e) {
            return e.ticketId();
        } else if (event instanceof TicketTransferred e) {
            return e.ticketId();
        } else if (event instanceof TicketWaitingOnCustomer e) {
            return e.ticketId();
        } else if (event instanceof TicketResumed e) {
            return e.ticketId();
        } else if (event instanceof ExtensionRequested e) {
            return e.ticketId();
        } else if (event instanceof TicketUnclaimed e) {
            return e.ticketId();
        }
        return null;
    }

    private void lapsePendingExtensions(String ticketId, Instant at) {
        extensions.replaceAll(extension -> extension.isPending() && extension.ticketId().equals(ticketId)
                ? extension.lapsed(at) : extension);
    }

    private void replace(Extension decided) {
        extensions.replaceAll(extension -> extension.id().equals(decided.id()) ? decided : extension);
    }

    private void remember(String eventId) {
        appliedEvents.add(eventId);
        while (appliedEvents.size() > REMEMBERED_EVENTS) {
            appliedEvents.remove(0);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
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
        return extensions.stream().filter(extension -> extension.id().equals(extensionId)).findFirst();
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
