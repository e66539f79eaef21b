package closedloop.notification.message.delivery;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageSender;
import closedloop.notification.message.UndeliverableMessageException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every {@link MessageSender} behind its channel's resilience4j instances, named after the channel in lower case
 * ({@code sms}, {@code email}, {@code live}) and configured under {@code resilience4j.*.instances.<channel>}.
 */
@Component
public class ResilientSenders {

    private final Map<MessageChannel, ResilientSender> senders = new EnumMap<>(MessageChannel.class);

    public ResilientSenders(List<MessageSender> senders, RetryRegistry retries, CircuitBreakerRegistry breakers,
                            TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads) {
        for (MessageSender sender : senders) {
            String name = instanceName(sender.channel());
            ResilientSender resilient = new ResilientSender(sender, retries.retry(name),
                    breakers.circuitBreaker(name), timeLimiters.timeLimiter(name), bulkheads.bulkhead(name));
            if (this.senders.put(sender.channel(), resilient) != null) {
                throw new IllegalStateException("Two senders for channel " + sender.channel());
            }
        }
    }

    /** The name of the resilience4j instances of the channel. */
    public static String instanceName(MessageChannel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    /** Hands the message to its channel's sender; a channel without sender refuses it for good. */
    public Mono<Void> deliver(Message message) {
        ResilientSender sender = senders.get(message.channel());
        if (sender == null) {
            return Mono.error(new UndeliverableMessageException("No sender for channel " + message.channel()));
        }
        return sender.deliver(message);
    }
}
