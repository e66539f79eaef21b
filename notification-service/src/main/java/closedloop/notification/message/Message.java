package closedloop.notification.message;

import closedloop.contracts.EventIds;
import closedloop.contracts.MessageSent;
import closedloop.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient about a complaint. Its id derives from the event that caused it and its purpose, so a
 * redelivered event finds it already there and never sends it twice.
 */
@Document("messages")
@CompoundIndex(name = "complaintId_createdAt", def = "{'complaintId': 1, 'createdAt': 1}")
public class Message extends OutboxDocument {

    private static final String BRANCH_RECIPIENT_PREFIX = "branch:";

    @Id
    private final String id;
    private final String complaintId;
    private final String recipient;
    private final RecipientKind recipientKind;
    private final MessageChannel channel;
    private final Purpose purpose;
    private final String subject;
    private final String text;
    private MessageStatus status;
    private final Instant createdAt;
    private Instant sentAt;
    @Version
    private Long version;

    @PersistenceCreator
    Message(String id, String complaintId, String recipient, RecipientKind recipientKind, MessageChannel channel,
            Purpose purpose, String subject, String text, MessageStatus status, Instant createdAt, Instant sentAt,
            Long version) {
        this.id = id;
        this.complaintId = complaintId;
        this.recipient = recipient;
        this.recipientKind = recipientKind;
        this.channel = channel;
        this.purpose = purpose;
        this.subject = subject;
        this.text = text;
        this.status = status;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
        this.version = version;
    }

    /**
     * A message waiting to be sent; its id is the same every time the same event causes it for the same purpose,
     * recipient kind and channel.
     */
    public static Message pending(Outgoing outgoing, Instant now) {
        return new Message(idFor(outgoing), outgoing.complaintId(), outgoing.recipient(), outgoing.recipientKind(),
                outgoing.channel(), outgoing.purpose(), outgoing.subject(), outgoing.text(), MessageStatus.PENDING,
                now, null, null);
    }

    /** The recipient of a message to the branch with this code: {@code branch:<code>}. */
    public static String branchRecipient(String branch) {
        return BRANCH_RECIPIENT_PREFIX + branch;
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
     * PENDING → SENT: the channel accepted the message; records {@link MessageSent}.
     *
     * @throws IllegalStateException when the message was already sent
     */
    public void markSent(Instant now) {
        if (status != MessageStatus.PENDING) {
            throw new IllegalStateException("Message " + id + " is already " + status);
        }
        status = MessageStatus.SENT;
        sentAt = now;
        record(new MessageSent(EventIds.derived(id, "sent"), now, complaintId, id, recipient, channel.name(),
                purpose.name()));
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return complaintId;
    }

    public String recipient() {
        return recipient;
    }

    public RecipientKind recipientKind() {
        return recipientKind;
    }

    public String subject() {
        return subject;
    }

    public MessageChannel channel() {
        return channel;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String text() {
        return text;
    }

    public MessageStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
