package closedloop.notification.message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The SMS channel until a real gateway is connected: it writes each message to the log and nothing else. */
@Component
public class LoggingSmsSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public MessageChannel channel() {
        return MessageChannel.SMS;
    }

    @Override
    public Mono<Void> deliver(Message message) {
        return Mono.fromRunnable(() -> log.info("SMS to {} ({} of complaint {}): {}", message.recipient(),
                message.purpose(), message.complaintId(), message.text()));
    }
}
