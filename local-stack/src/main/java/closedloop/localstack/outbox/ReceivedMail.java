package closedloop.localstack.outbox;

import java.time.Instant;
import java.util.List;

/** A mail the demo SMTP server received: who sent it to whom, its subject, its plain text and when it arrived. */
public record ReceivedMail(String from, List<String> to, String subject, String text, Instant receivedAt) {
}
