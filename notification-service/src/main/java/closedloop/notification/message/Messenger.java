package closedloop.notification.message;

import closedloop.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends messages exactly once per causing event and purpose: records the message as PENDING under its deterministic
 * id (a duplicate key means the event was handled before), delivers it through its channel's sender, then marks it
 * SENT together with its {@code MessageSent} event in one write.
 */
@Service
public class Messenger {

    private static final Logger log = LoggerFactory.getLogger(Messenger.class);

    private final Messages messages;
    private final Map<MessageChannel, MessageSender> senders = new EnumMap<>(MessageChannel.class);
    private final OutboxRelay relay;
    private final Clock clock;

    public Messenger(Messages messages, List<MessageSender> senders, OutboxRelay relay, Clock clock) {
        this.messages = messages;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.relay = relay;
        this.clock = clock;
    }

    /** Sends an SMS caused by the event, unless that event already caused this message. */
    public Mono<Void> sendSms(UUID causeEventId, String complaintId, String phone, Purpose purpose, String text) {
        return send(causeEventId, complaintId, phone, MessageChannel.SMS, purpose, text);
    }

    /**
     * Leaves a message caused by the event in the inbox of the branch, which its dispatcher reads, unless that event
     * already caused this message.
     */
    public Mono<Void> tellBranch(UUID causeEventId, String complaintId, String branch, Purpose purpose, String text) {
        return send(causeEventId, complaintId, Message.branchRecipient(branch), MessageChannel.BRANCH_INBOX, purpose,
                text);
    }

    private Mono<Void> send(UUID causeEventId, String complaintId, String recipient, MessageChannel channel,
                            Purpose purpose, String text) {
        Message message = Message.pending(causeEventId, complaintId, recipient, channel, purpose, text,
                clock.instant());
        return messages.insert(message)
                .onErrorResume(DuplicateKeyException.class, alreadyHandled -> {
                    log.debug("Message {} exists already; not sending it again", message.id());
                    return Mono.empty();
                })
                .flatMap(this::deliver)
                .then();
    }

    private Mono<Message> deliver(Message message) {
        MessageSender sender = senders.get(message.channel());
        if (sender == null) {
            return Mono.error(new IllegalStateException("No sender for channel " + message.channel()));
        }
        return sender.deliver(message)
                .then(Mono.fromSupplier(() -> {
                    message.markSent(clock.instant());
                    return message;
                }))
                .flatMap(messages::save)
                .doOnNext(sent -> relay.nudge(sent));
    }
}
