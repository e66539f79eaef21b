package closedloop.notification.message;

import closedloop.contracts.EventIds;
import closedloop.contracts.MessageFailed;
import closedloop.contracts.MessageSent;
import closedloop.platform.WaitingMarker;
import closedloop.platform.outbox.OutboxDocument;
import closedloop.platform.security.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * One message to one recipient about a complaint: what it sends, held whole as the {@link Outgoing} it was recorded
 * from (field {@code outgoing}: the cause, complaint, purpose, recipient and words), and how its delivery goes. Its id
 * derives from the event that caused it and its purpose, so a redelivered event finds it already there and never
 * sends it twice.
 * <p>
 * Its life: recorded HELD (a customer SMS in quiet hours) or PENDING; the delivery pass tries it when it is due, and
 * each try either SENT it, or left it PENDING with a later due time, or FAILED it. A message a rule holds back is
 * recorded SUPPRESSED instead, saying why, and never tried, so that the log shows why nothing went out. Every
 * transition is one document write with the event it causes; the delivery pass leases a message ({@code leaseUntil})
 * while it tries it, and every transition below ends the lease. While HELD or PENDING it carries the waiting marker
 * {@value #AWAITING_DELIVERY} (sparse index), by which the delivery pass finds it (docs/architecture.md §9.19).
 */
@Document("messages")
@CompoundIndexes({
        @CompoundIndex(name = "outgoing.complaintId_createdAt_id",
                def = "{'outgoing.complaintId': 1, 'createdAt': 1, '_id': 1}"),
        // the delivery pass: waiting messages whose due time came (and the sparse awaitingDelivery below)
        @CompoundIndex(name = "status_nextAttemptAt", def = "{'status': 1, 'nextAttemptAt': 1}"),
        // GET /api/v1/messages by recipient, by recipient and status, by status
        @CompoundIndex(name = "outgoing.recipient_createdAt",
                def = "{'outgoing.recipient': 1, 'createdAt': 1, '_id': 1}"),
        @CompoundIndex(name = "outgoing.recipient_status_createdAt",
                def = "{'outgoing.recipient': 1, 'status': 1, 'createdAt': 1, '_id': 1}"),
        @CompoundIndex(name = "status_createdAt", def = "{'status': 1, 'createdAt': 1, '_id': 1}")
})
public class Message extends OutboxDocument {

    /** The waiting marker: the field present only while the message waits for the delivery pass. */
    public static final String AWAITING_DELIVERY = "awaitingDelivery";
    /** How many of its latest attempts a message keeps (the count goes on). */
    static final int ATTEMPTS_KEPT = 10;
    private static final int ERROR_LENGTH = 500;
    private static final String BRANCH_RECIPIENT_PREFIX = "branch:";

    @Id
    private final String id;
    private final Outgoing outgoing;
    private MessageStatus status;
    private final Instant createdAt;
    private final Instant heldUntil;
    private Instant nextAttemptAt;
    private Instant leaseUntil;
    private int attempts;
    private String lastError;
    private Instant lastAttemptAt;
    private List<DeliveryAttempt> recentAttempts;
    private Instant sentAt;
    private Instant failedAt;
    private String suppressedBecause;
    /** Since when it waits for the delivery pass (HELD or PENDING); absent otherwise. */
    @Indexed(sparse = true)
    private Instant awaitingDelivery;
    @Version
    private Long version;

    @PersistenceCreator
    Message(String id, Outgoing outgoing, MessageStatus status, Instant createdAt, Instant heldUntil,
            Instant nextAttemptAt, Instant leaseUntil, int attempts, String lastError, Instant lastAttemptAt,
            List<DeliveryAttempt> recentAttempts, Instant sentAt, Instant failedAt, String suppressedBecause,
            Long version) {
        this.id = id;
        this.outgoing = outgoing;
        this.status = status;
        this.createdAt = createdAt;
        this.heldUntil = heldUntil;
        this.nextAttemptAt = nextAttemptAt;
        this.leaseUntil = leaseUntil;
        this.attempts = attempts;
        this.lastError = lastError;
        this.lastAttemptAt = lastAttemptAt;
        this.recentAttempts = recentAttempts == null ? new ArrayList<>() : new ArrayList<>(recentAttempts);
        this.sentAt = sentAt;
        this.failedAt = failedAt;
        this.suppressedBecause = suppressedBecause;
        this.version = version;
    }

    /**
     * A message recorded now and due at once (PENDING); its id is the same every time the same event causes it for
     * the same purpose, recipient kind and channel.
     */
    public static Message pending(Outgoing outgoing, Instant now) {
        return recorded(outgoing, now, null);
    }

    /**
     * A message recorded now: HELD until {@code heldUntil} when that is given (quiet hours), else PENDING and due at
     * once.
     */
    public static Message recorded(Outgoing outgoing, Instant now, Instant heldUntil) {
        return new Message(outgoing, now, heldUntil);
    }

    /**
     * A message recorded now and never to be sent: SUPPRESSED, because of the rule {@code because} names. Records no
     * event: nothing left the system, and nothing failed.
     */
    public static Message suppressed(Outgoing outgoing, Instant now, String because) {
        Message message = new Message(outgoing, now, null);
        message.status = MessageStatus.SUPPRESSED;
        message.nextAttemptAt = null;
        message.suppressedBecause = because;
        message.markWaiting(now);
        return message;
    }

    /** A message just recorded, not tried yet: HELD until {@code heldUntil} when given, else PENDING and due now. */
    private Message(Outgoing outgoing, Instant now, Instant heldUntil) {
        this.id = idFor(outgoing);
        this.outgoing = outgoing;
        this.status = heldUntil == null ? MessageStatus.PENDING : MessageStatus.HELD;
        this.createdAt = now;
        this.heldUntil = heldUntil;
        this.nextAttemptAt = heldUntil == null ? now : heldUntil;
        this.recentAttempts = new ArrayList<>();
        markWaiting(now);
    }

    /** The recipient of a message to the branch with this code: {@code branch:<code>}. */
    public static String branchRecipient(String branch) {
        return BRANCH_RECIPIENT_PREFIX + branch;
    }

    /**
     * Whether {@code caller} may read the messages to {@code recipient}: a dispatcher only those to their own
     * branches' inboxes, supervisors every recipient's.
     */
    public static boolean readableBy(Caller caller, String recipient) {
        return !caller.limitedToOwnBranches() || caller.branches().stream()
                .map(Message::branchRecipient).anyMatch(own -> own.equals(recipient));
    }

    /** The id of the message the event causes for the purpose, recipient kind and channel. */
    public static String idFor(Outgoing outgoing) {
        return idFor(outgoing.causeEventId(), outgoing.purpose(), outgoing.recipientKind(), outgoing.channel());
    }

    /** The id of the message the event causes for the purpose, recipient kind and channel. */
    public static String idFor(UUID causeEventId, Purpose purpose, RecipientKind recipientKind,
                               MessageChannel channel) {
        return EventIds.derived(causeEventId, purpose.name() + "/" + recipientKind.name() + "/" + channel.name())
                .toString();
    }

    /**
     * HELD or PENDING → SENT: the channel accepted the message at this attempt; records {@link MessageSent}.
     *
     * @throws IllegalStateException when the message is no longer waiting (already sent or failed)
     */
    public void markSent(Instant now) {
        requireWaiting();
        attempted(now, null);
        status = MessageStatus.SENT;
        sentAt = now;
        nextAttemptAt = null;
        markWaiting(now);
        record(new MessageSent(EventIds.derived(id, "sent"), now, complaintId(), id, recipient(), channel().name(),
                purpose().name()));
    }

    /**
     * HELD or PENDING → PENDING: this attempt failed in a way that may pass (the channel is down, slow or busy), so the
     * message is due again at {@code retryAt}. Records no event: nothing left the system.
     *
     * @throws IllegalStateException when the message is no longer waiting
     */
    public void attemptFailed(Instant now, String error, Instant retryAt) {
        requireWaiting();
        attempted(now, error);
        status = MessageStatus.PENDING;
        nextAttemptAt = retryAt;
        markWaiting(now);
    }

    /**
     * HELD or PENDING → FAILED after this attempt: the channel refused the message for good, or it is now too old to
     * be tried again; records {@link MessageFailed}.
     *
     * @throws IllegalStateException when the message is no longer waiting
     */
    public void failed(Instant now, String error) {
        requireWaiting();
        attempted(now, error);
        fail(now);
    }

    /**
     * HELD or PENDING → FAILED without another attempt: it waited until it was older than its maximum age (a long
     * outage, a service that was down); records {@link MessageFailed} with the error of its last attempt, if any.
     *
     * @throws IllegalStateException when the message is no longer waiting
     */
    public void expired(Instant now, Duration maxAge) {
        requireWaiting();
        if (lastError == null) {
            lastError = "not delivered within " + maxAge;
        }
        leaseUntil = null;
        fail(now);
    }

    /** Whether the message is at least this old now; an old message is not worth sending any more. */
    public boolean isOlderThan(Duration maxAge, Instant now) {
        return !now.isBefore(expiresAt(maxAge));
    }

    /** When the message reaches this age. */
    public Instant expiresAt(Duration maxAge) {
        return createdAt.plus(maxAge);
    }

    /** The id of the {@link MessageFailed} event the message records when it fails; it causes the supervisors' alert. */
    public UUID failureEventId() {
        return EventIds.derived(id, "failed");
    }

    private void fail(Instant now) {
        status = MessageStatus.FAILED;
        failedAt = now;
        nextAttemptAt = null;
        markWaiting(now);
        record(new MessageFailed(failureEventId(), now, complaintId(), id, recipient(), channel().name(),
                purpose().name(), attempts, lastError));
    }

    /** Keeps the waiting marker in step with the status (set on a message stored before it existed, too). */
    private void markWaiting(Instant now) {
        awaitingDelivery = WaitingMarker.whileWaiting(status.isWaiting(), awaitingDelivery, now);
    }

    private void attempted(Instant now, String error) {
        String shortError = error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
        attempts++;
        lastAttemptAt = now;
        leaseUntil = null;
        if (shortError != null) {
            lastError = shortError;
        }
        recentAttempts.add(new DeliveryAttempt(now, shortError));
        if (recentAttempts.size() > ATTEMPTS_KEPT) {
            recentAttempts.remove(0);
        }
    }

    private void requireWaiting() {
        if (!status.isWaiting()) {
            throw new IllegalStateException("Message " + id + " is already " + status);
        }
    }

    public String id() {
        return id;
    }

    /** What the message sends, to whom, why and by which channel, as it was recorded. */
    public Outgoing outgoing() {
        return outgoing;
    }

    public String complaintId() {
        return outgoing.complaintId();
    }

    public String recipient() {
        return outgoing.recipient();
    }

    public RecipientKind recipientKind() {
        return outgoing.recipientKind();
    }

    public String subject() {
        return outgoing.subject();
    }

    public MessageChannel channel() {
        return outgoing.channel();
    }

    public Purpose purpose() {
        return outgoing.purpose();
    }

    public String text() {
        return outgoing.text();
    }

    public MessageStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Until when quiet hours held it back; null when they did not. */
    public Instant heldUntil() {
        return heldUntil;
    }

    /** When the delivery pass is to try it next; null once it is SENT or FAILED. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** Since when it waits for the delivery pass (its waiting marker); null once it does not. */
    public Instant awaitingDelivery() {
        return awaitingDelivery;
    }

    /** Until when a delivery pass holds it to try it; null when none does. */
    public Instant leaseUntil() {
        return leaseUntil;
    }

    /** How often delivery was tried. */
    public int attempts() {
        return attempts;
    }

    /** What the channel said when delivery failed last; null when it never failed. */
    public String lastError() {
        return lastError;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    /** The latest attempts, oldest first, at most {@value #ATTEMPTS_KEPT}. */
    public List<DeliveryAttempt> recentAttempts() {
        return Collections.unmodifiableList(recentAttempts);
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant failedAt() {
        return failedAt;
    }

    /** Why it was never sent, when a rule held it back (SUPPRESSED); null otherwise. */
    public String suppressedBecause() {
        return suppressedBecause;
    }

    /** The version of the stored document this message was read from; null before it is first stored. */
    public Long version() {
        return version;
    }
}
