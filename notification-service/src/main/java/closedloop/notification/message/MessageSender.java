package closedloop.notification.message;

import reactor.core.publisher.Mono;

/** Delivers messages of one channel (SMS gateway, mail server...); completes once the channel accepted the message. */
public interface MessageSender {

    /** The channel this sender delivers. */
    MessageChannel channel();

    /** Hands the message to the channel; an error when the channel refused it. */
    Mono<Void> deliver(Message message);
}
