package closedloop.notification.message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The branch inbox until the branches' queue shows messages: it writes each message to the log and nothing else. The
 * message itself stays readable through {@code GET /api/v1/messages?complaintId=…}.
 */
@Component
public class LoggingBranchInboxSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingBranchInboxSender.class);

    @Override
    public MessageChannel channel() {
        return MessageChannel.LIVE;
    }

    @Override
    public Mono<Void> deliver(Message message) {
        return Mono.fromRunnable(() -> log.info("Branch inbox {} ({} of complaint {}): {}", message.recipient(),
                message.purpose(), message.complaintId(), message.text()));
    }
}
