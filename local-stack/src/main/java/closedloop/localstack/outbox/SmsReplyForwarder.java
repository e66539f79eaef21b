package closedloop.localstack.outbox;

import closedloop.platform.web.WebhookSignature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo SMS gateway's other direction: what a customer texts back, forwarded to notification-service's
 * {@code POST /api/v1/sms/replies} as an operator's gateway does, signed as that endpoint demands
 * ({@link WebhookSignature}: {@code X-Timestamp} now, {@code X-Signature} over {@code <timestamp>.<body>}) with the
 * secret notification-service was given ({@code closedloop.notification.sms-reply.secret}). It forwards nothing until
 * it is {@linkplain #connect connected}, once notification-service runs.
 */
public final class SmsReplyForwarder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;
    private final WebClient http = WebClient.create();
    private volatile Target target;

    public SmsReplyForwarder(Clock clock) {
        this.clock = clock;
    }

    /** Where replies go from now on, and the secret they are signed with. */
    public void connect(String repliesUrl, String secret) {
        this.target = new Target(repliesUrl, secret);
    }

    /** Whether it knows where to forward replies. */
    public boolean isConnected() {
        return target != null;
    }

    /**
     * Forwards one SMS from a customer, signed now, and answers with what notification-service answered, status and
     * body as they were; an error when it is not connected or notification-service did not answer.
     */
    public Mono<Forwarded> forward(String from, String text) {
        Target to = target;
        if (to == null) {
            return Mono.error(new IllegalStateException("not connected to notification-service yet"));
        }
        byte[] body = body(from, text);
        String timestamp = WebhookSignature.timestamp(clock.instant());
        return http.post().uri(to.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.TIMESTAMP, timestamp)
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(to.secret(), timestamp, body))
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(new byte[0])
                        .map(answer -> new Forwarded(response.statusCode().value(),
                                response.headers().contentType().orElse(MediaType.APPLICATION_JSON), answer)))
                .timeout(TIMEOUT);
    }

    /** The body the gateway posts: {@code {"from", "text"}}, as notification-service reads it. */
    private static byte[] body(String from, String text) {
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("from", from);
        reply.put("text", text);
        try {
            return JSON.writeValueAsBytes(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Target(String url, String secret) {
    }

    /**
     * What notification-service answered a forwarded reply.
     *
     * @param status      its HTTP status
     * @param contentType its content type
     * @param body        its body, as it was
     */
    public record Forwarded(int status, MediaType contentType, byte[] body) {
    }
}
