package closedloop.escalation.sla;

import closedloop.contracts.Category;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ClockStarted;
import closedloop.contracts.EventIds;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAssigned;
import closedloop.contracts.TicketEscalated;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.IndexDirection;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One time limit (时限) of one ticket: when it started, when it is due, and whether it stopped in time or fired.
 * Its id is {@code <ticketId>/<clock kind>}, so that starting the same clock twice is a duplicate key. Each state
 * change and the events it causes are one versioned document write; the version makes a firing happen exactly once
 * even when several instances race for it.
 */
@Document(SlaClock.COLLECTION)
@CompoundIndex(name = "state_deadline", def = "{'state': 1, 'deadline': 1}")
public class SlaClock extends OutboxDocument {

    public static final String COLLECTION = "clocks";

    /** The first rung of the escalation ladder: supervision (督办). */
    static final int SUPERVISION = 1;

    @Id
    private final String id;
    @Version
    private Long version;
    private final String ticketId;
    @Indexed
    private final String complaintId;
    private final String branch;
    private final Category category;
    private final Priority priority;
    private final ClockKind kind;
    private final Instant startedAt;
    private final Instant deadline;
    private ClockState state;
    private Instant stoppedAt;
    @Indexed(direction = IndexDirection.DESCENDING)
    private Instant escalatedAt;
    private int level;

    @PersistenceCreator
    SlaClock(String id, String ticketId, String complaintId, String branch, Category category, Priority priority,
             ClockKind kind, Instant startedAt, Instant deadline, ClockState state) {
        this.id = id;
        this.ticketId = ticketId;
        this.complaintId = complaintId;
        this.branch = branch;
        this.category = category;
        this.priority = priority;
        this.kind = kind;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.state = state;
    }

    /** The id of a ticket's clock of this kind. */
    public static String idOf(String ticketId, ClockKind kind) {
        return ticketId + "/" + kind;
    }

    /**
     * Starts the resolve clock of a freshly dispatched ticket: RUNNING from the dispatch, due after the limit.
     * Records {@link ClockStarted} with an id derived from the assignment, so that a repeat emits the same event.
     * Instants are kept to the millisecond, as MongoDB stores them.
     */
    public static SlaClock startResolve(TicketAssigned assigned, Duration limit) {
        Instant startedAt = assigned.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        SlaClock clock = new SlaClock(idOf(assigned.ticketId(), ClockKind.RESOLVE), assigned.ticketId(),
                assigned.complaintId(), assigned.branch(), assigned.category(), assigned.priority(), ClockKind.RESOLVE,
                startedAt, startedAt.plus(limit), ClockState.RUNNING);
        clock.record(new ClockStarted(EventIds.derived(assigned.eventId(), "start-resolve-clock"), startedAt,
                clock.complaintId, clock.ticketId, clock.branch, clock.kind, clock.deadline));
        return clock;
    }

    /** Whether this clock is still counting down. */
    public boolean isRunning() {
        return state == ClockState.RUNNING;
    }

    /** Whether this clock is running and its deadline has come by {@code now}. */
    public boolean isDue(Instant now) {
        return isRunning() && !deadline.isAfter(now);
    }

    /** RUNNING → STOPPED: the ticket was resolved at {@code at}, before the clock fired. */
    public void stop(Instant at) {
        requireRunning("stop");
        state = ClockState.STOPPED;
        stoppedAt = at;
    }

    /**
     * RUNNING → ESCALATED: the deadline passed, so the ticket goes to supervision (level 1). Records
     * {@link TicketEscalated} with an id derived from the ticket, clock and level, so that the firing has one id
     * whichever instance makes it.
     */
    public void escalate(Instant now) {
        requireRunning("escalate");
        if (!isDue(now)) {
            throw new IllegalStateException("Clock " + id + " is due at " + deadline + ", not yet at " + now);
        }
        state = ClockState.ESCALATED;
        level = SUPERVISION;
        escalatedAt = now;
        record(new TicketEscalated(EventIds.derived(ticketId, kind + "/level-" + level), now, complaintId, ticketId,
                branch, level, kind, deadline));
    }

    private void requireRunning(String action) {
        if (!isRunning()) {
            throw new IllegalStateException("Cannot " + action + " clock " + id + ": it is " + state);
        }
    }

    public String id() {
        return id;
    }

    public String ticketId() {
        return ticketId;
    }

    public String complaintId() {
        return complaintId;
    }

    public String branch() {
        return branch;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public ClockKind kind() {
        return kind;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public ClockState state() {
        return state;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public int level() {
        return level;
    }
}
