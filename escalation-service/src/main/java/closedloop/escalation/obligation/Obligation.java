package closedloop.escalation.obligation;

import closedloop.contracts.EventIds;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.ObligationWaived;
import closedloop.contracts.Promise;
import closedloop.contracts.PromiseKind;
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
 * obligation.
 */
@Document(Obligation.COLLECTION)
@CompoundIndex(name = "owedBy_status", def = "{'owedBy': 1, 'status': 1}")
@CompoundIndex(name = "status_dueAt", def = "{'status': 1, 'dueAt': 1}")
public class Obligation extends OutboxDocument {

    public static final String COLLECTION = "obligations";
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

    Obligation() {
    }

    /** The {@code number}-th promise (from 1) of a complaint registered at {@code promisedAt}, due at {@code dueAt}. */
    static Obligation promised(String complaintId, int number, Promise promise, Instant promisedAt, Instant dueAt,
                               String owedBy) {
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
        record(new ObligationFulfilled(EventIds.derived(id, "fulfilled"), at, complaintId, id, kind, owedBy,
                reference, note, actor));
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
        record(new ObligationWaived(EventIds.derived(id, "waived"), at, complaintId, id, kind, reason, actor));
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
}
