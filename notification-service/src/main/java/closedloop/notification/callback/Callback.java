package closedloop.notification.callback;

import closedloop.contracts.CallbackCompleted;
import closedloop.contracts.CallbackOpened;
import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.EventIds;
import closedloop.contracts.TicketResolved;
import closedloop.notification.contact.Contact;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A callback task (回访): after a ticket is resolved, the hotline calls the customer before {@code dueAt} and records
 * what they said. OPEN → COMPLETED; each transition records its event in the same document write.
 */
@Document("callbacks")
@CompoundIndex(name = "status_dueAt", def = "{'status': 1, 'dueAt': 1}")
public class Callback extends OutboxDocument {

    @Id
    private final String id;
    @Indexed
    private final String complaintId;
    private final String complaintNumber;
    private final String customerName;
    private final String customerPhone;
    private final String ticketId;
    private final String branch;
    private CallbackStatus status;
    private final Instant openedAt;
    @Indexed
    private final Instant dueAt;
    private CallbackOutcome outcome;
    private String note;
    private Instant completedAt;
    private String completedBy;
    @Version
    private Long version;

    @PersistenceCreator
    Callback(String id, String complaintId, String complaintNumber, String customerName, String customerPhone,
             String ticketId, String branch, CallbackStatus status, Instant openedAt, Instant dueAt,
             CallbackOutcome outcome, String note, Instant completedAt, String completedBy, Long version) {
        this.id = id;
        this.complaintId = complaintId;
        this.complaintNumber = complaintNumber;
        this.customerName = customerName;
        this.customerPhone = customerPhone;
        this.ticketId = ticketId;
        this.branch = branch;
        this.status = status;
        this.openedAt = openedAt;
        this.dueAt = dueAt;
        this.outcome = outcome;
        this.note = note;
        this.completedAt = completedAt;
        this.completedBy = completedBy;
        this.version = version;
    }

    /**
     * → OPEN: the ticket was resolved, so the customer is to be called back within {@code due}; records
     * {@link CallbackOpened}. The id derives from the resolution event, so the same resolution opens one callback.
     */
    public static Callback open(TicketResolved resolved, Contact contact, Instant now, Duration due) {
        Callback callback = new Callback(idFor(resolved.eventId()), resolved.complaintId(), contact.number(),
                contact.name(), contact.phone(), resolved.ticketId(), resolved.branch(), CallbackStatus.OPEN, now,
                now.plus(due), null, null, null, null, null);
        callback.record(new CallbackOpened(EventIds.derived(resolved.eventId(), "callback-opened"), now,
                callback.complaintId, callback.id, callback.ticketId, callback.branch, callback.dueAt));
        return callback;
    }

    /** The id of the callback the resolution event opens. */
    public static String idFor(UUID resolvedEventId) {
        return EventIds.derived(resolvedEventId, "callback").toString();
    }

    /**
     * OPEN → COMPLETED: the hotline called the customer and records the outcome; records {@link CallbackCompleted}.
     *
     * @throws IllegalCallbackTransition when the callback is not open
     */
    public void complete(CallbackOutcome outcome, String note, String actor, Instant now) {
        if (status != CallbackStatus.OPEN) {
            throw new IllegalCallbackTransition("record the outcome of", status);
        }
        this.status = CallbackStatus.COMPLETED;
        this.outcome = outcome;
        this.note = note;
        this.completedAt = now;
        this.completedBy = actor;
        record(new CallbackCompleted(UUID.randomUUID(), now, complaintId, id, ticketId, outcome, note, actor));
    }

    /** Whether the callback is still open after it was due. */
    public boolean overdueAt(Instant now) {
        return status == CallbackStatus.OPEN && dueAt.isBefore(now);
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return complaintId;
    }

    public String complaintNumber() {
        return complaintNumber;
    }

    public String customerName() {
        return customerName;
    }

    public String customerPhone() {
        return customerPhone;
    }

    public String ticketId() {
        return ticketId;
    }

    public String branch() {
        return branch;
    }

    public CallbackStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public CallbackOutcome outcome() {
        return outcome;
    }

    public String note() {
        return note;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String completedBy() {
        return completedBy;
    }
}
