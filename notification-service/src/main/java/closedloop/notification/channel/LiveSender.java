package closedloop.notification.channel;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live channel: tells every staff console open on this instance about each message as it is delivered. It never
 * waits for a console: one that falls behind loses its oldest messages, and a message nobody watches is still
 * delivered, since the consoles read what they missed from {@code GET /api/v1/messages?recipient=…}.
 */
@Component
public class LiveSender implements MessageSender {

    private final Sinks.Many<Message> sink = Sinks.many().multicast().directBestEffort();
    private final int buffer;

    public LiveSender(LiveProperties properties) {
        this.buffer = properties.buffer();
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.LIVE;
    }

    @Override
    public Mono<Void> deliver(Message message) {
        return Mono.fromRunnable(() -> tell(message));
    }

    /** The messages delivered from now on to the recipient ({@code branch:<code>} or {@code supervisors}). */
    public Flux<Message> messagesTo(String recipient) {
        return sink.asFlux()
                .filter(message -> recipient.equals(message.recipient()))
                .onBackpressureBuffer(buffer, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST);
    }

    private synchronized void tell(Message message) {
        sink.tryEmitNext(message);
    }
}
