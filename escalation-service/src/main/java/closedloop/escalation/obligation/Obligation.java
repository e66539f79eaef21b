package closedloop.escalation.obligation;

import closedloop.contracts.EventIds;
import closedloop.contracts.ObligationBreached;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.ObligationWaived;
import closedloop.contracts.ObligationWarned;
import closedloop.contracts.Promise;
import closedloop.contracts.PromiseKind;
import closedloop.platform.WaitingMarker;
import closedloop.platform.domain.IllegalTransition;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A promise made to a customer, held as an obligation (承诺兑现): what (its kind, text and sum), to whom (the complaint's
 * customer), who owes it (the branch that holds the complaint's ticket), and by when (the date the agent gave, else
 * the kind's default). OPEN until the branch records how it kept it (FULFILLED) or a supervisor releases the branch
 * with a reason (WAIVED); each of those is recorded with who and when and told by an event from the document's
 * outbox. Its id is {@code <complaintId>-<n>} for the complaint's n-th promise, so recording a promise twice is one
 * obligation. While OPEN its clock runs: warned at three quarters of the time to keep it, breached at its due time,
 * each told once; meanwhile it carries the waiting marker {@value #AWAITING_CLOCK} (sparse index), by which the clock
 * pass finds it (docs/architecture.md §9.19).
 */
@Document(Obligation.COLLECTION)
@CompoundIndex(name = "owedBy_status", def = "{'owedBy': 1, 'status': 1}")
@CompoundIndex(name = "status_dueAt", def = "{'status': 1, 'dueAt': 1}")
@CompoundIndex(name = "status_nextCheckAt", def = "{'status': 1, 'nextCheckAt': 1}")
public class Obligation extends OutboxDocument {

    public static final String COLLECTION = "obligations";
    /** The waiting marker: present only while the clock pass is to look at the warning or the due time. */
    public static final String AWAITING_CLOCK = "awaitingClock";
    private static final String WHAT = "obligation";

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String complaintId;
    private int number;
    private PromiseKind kind;
    private String text;
    private BigDecimal amount;
    private String owedBy;
    private Instant promisedAt;
    private Instant dueAt;
    private boolean dueByDefault;
    private ObligationStatus status;
    private Fulfilment fulfilment;
    private Waiver waiver;
    private String complaintNumber;
    /** When three quarters of the time to keep it has passed: the warning (催办). */
    private Instant warnAt;
    private Instant warnedAt;
    private Instant breachedAt;
    /** The warning or the due time still to be looked at while OPEN; null when neither is. */
    private Instant nextCheckAt;
    @Indexed(sparse = true)
    private Instant awaitingClock;

    Obligation() {
    }

    /** The {@code number}-th promise (from 1) of a complaint registered at {@code promisedAt}, due at {@code dueAt}. */
    static Obligation promised(String complaintId, String complaintNumber, int number, Promise promise,
                               Instant promisedAt, Instant dueAt, Instant warnAt, String owedBy) {
        Obligation obligation = new Obligation();
        obligation.id = idOf(complaintId, number);
        obligation.complaintId = complaintId;
        obligation.number = number;
        obligation.kind = promise.kind();
        obligation.text = promise.text();
        obligation.amount = promise.amount();
        obligation.promisedAt = promisedAt;
        obligation.dueAt = dueAt;
        obligation.dueByDefault = promise.dueAt() == null;
        obligation.owedBy = owedBy;
        obligation.status = ObligationStatus.OPEN;
        obligation.complaintNumber = complaintNumber;
        obligation.warnAt = warnAt;
        obligation.watchClock(promisedAt);
        return obligation;
    }

    /** The id of a complaint's n-th promise. */
    static String idOf(String complaintId, int number) {
        return complaintId + "-" + number;
    }

    /**
     * OPEN → FULFILLED: the branch kept the promise; {@code reference} is the evidence. Records
     * {@link ObligationFulfilled}.
     *
     * @throws IllegalTransition when it is not OPEN
     */
    public void fulfil(String reference, String note, String actor, Instant at) {
        requireOpen("record the fulfilment of");
        status = ObligationStatus.FULFILLED;
        fulfilment = new Fulfilment(reference, note, actor, at);
        watchClock(at);
        record(new ObligationFulfilled(EventIds.derived(id, "fulfilled"), at, complaintId, id, kind, owedBy,
                reference, note, actor, dueAt));
    }

    /**
     * OPEN → WAIVED: a supervisor released the branch from the promise, with the reason. Records
     * {@link ObligationWaived}.
     *
     * @throws IllegalTransition when it is not OPEN
     */
    public void waive(String reason, String actor, Instant at) {
        requireOpen("waive");
        status = ObligationStatus.WAIVED;
        waiver = new Waiver(reason, actor, at);
        watchClock(at);
        record(new ObligationWaived(EventIds.derived(id, "waived"), at, complaintId, id, kind, reason, actor));
    }

    /**
     * Looks at the promise's clock at {@code now}: past its warning it is told {@link ObligationWarned} (催办), past its
     * due time {@link ObligationBreached} (督办; one that passed both since the last look is told breached only, as
     * the SLA engine does). Each once.
     *
     * @return whether anything changed
     */
    public boolean lookAtClock(Instant now) {
        if (nextCheckAt == null || nextCheckAt.isAfter(now) || status != ObligationStatus.OPEN) {
            return false;
        }
        if (dueAt.isAfter(now)) {
            warnedAt = now;
            record(new ObligationWarned(EventIds.derived(id, "warned"), now, complaintId, id, kind, owedBy, dueAt));
        } else {
            breachedAt = now;
            record(new ObligationBreached(EventIds.derived(id, "breached"), now, complaintId, id, kind, owedBy,
                    dueAt));
        }
        watchClock(now);
        return true;
    }

    /** Sets what the clock pass is to look at next, and the waiting marker with it. */
    private void watchClock(Instant now) {
        nextCheckAt = status != ObligationStatus.OPEN || breachedAt != null ? null
                : warnedAt == null && warnAt != null && warnAt.isBefore(dueAt) ? warnAt : dueAt;
        awaitingClock = WaitingMarker.whileWaiting(nextCheckAt != null, awaitingClock, now);
    }

    private void requireOpen(String action) {
        if (status != ObligationStatus.OPEN) {
            throw new IllegalTransition(WHAT, action, status, List.of());
        }
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return complaintId;
    }

    public int number() {
        return number;
    }

    public PromiseKind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String owedBy() {
        return owedBy;
    }

    public Instant promisedAt() {
        return promisedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public boolean dueByDefault() {
        return dueByDefault;
    }

    public ObligationStatus status() {
        return status;
    }

    public Fulfilment fulfilment() {
        return fulfilment;
    }

    public Waiver waiver() {
        return waiver;
    }

    public String complaintNumber() {
        return complaintNumber;
    }

    public Instant warnAt() {
        return warnAt;
    }

    public Instant warnedAt() {
        return warnedAt;
    }

    public Instant breachedAt() {
        return breachedAt;
    }
}
