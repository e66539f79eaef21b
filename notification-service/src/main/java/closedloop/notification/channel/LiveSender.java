package closedloop.notification.channel;

import closedloop.contracts.MessageSent;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageSender;
import closedloop.notification.message.Messages;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;

/**
 * The live channel. A live message is delivered once it is stored: its {@code MessageSent} event goes to every
 * instance of the service, and each one tells the staff consoles open on it ({@link #tell}), so a console sees every
 * message whichever instance delivered it. It never waits for a console: one that falls behind loses its oldest
 * messages, and the consoles read what they missed from {@code GET /api/v1/messages?recipient=…}.
 */
@Component
public class LiveSender implements MessageSender {

    /** How long the message of a {@code MessageSent} is looked for before the consoles go without it. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final Sinks.Many<Message> sink = Sinks.many().multicast().directBestEffort();
    private final Messages messages;
    private final int buffer;

    public LiveSender(Messages messages, LiveProperties properties) {
        this.messages = messages;
        this.buffer = properties.buffer();
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.LIVE;
    }

    /** Accepts the message at once: the consoles hear of it from its published {@code MessageSent}. */
    @Override
    public Mono<Void> deliver(Message message) {
        return Mono.empty();
    }

    /** The messages delivered from now on to the recipient ({@code branch:<code>} or {@code supervisors}). */
    public Flux<Message> messagesTo(String recipient) {
        return sink.asFlux()
                .filter(message -> recipient.equals(message.recipient()))
                .onBackpressureBuffer(buffer, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST);
    }

    /**
     * Some instance delivered a message: when it is a live one, tells the consoles open on this instance about it
     * (read from the database, since the event carries no text).
     */
    public Mono<Void> delivered(MessageSent sent) {
        if (!MessageChannel.LIVE.name().equals(sent.channel())) {
            return Mono.empty();
        }
        return messages.findById(sent.messageId()).timeout(LOOKUP_TIMEOUT).doOnNext(this::tell).then();
    }

    /** Tells the consoles open on this instance about a delivered live message. */
    public synchronized void tell(Message message) {
        sink.tryEmitNext(message);
    }
}
