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

    /** Records and delivers the message, unless its causing event already caused it (then nothing happens). */
    public Mono<Void> send(Outgoing outgoing) {
        Message message = Message.pending(outgoing, clock.instant());
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
