package closedloop.notification.message.delivery;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageSender;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import reactor.core.publisher.Mono;

/**
 * One channel's sender behind resilience4j, in the order of resilience4j's own aspects: a few quick retries around
 * the circuit breaker, around the time limiter, around the bulkhead, around the call. An open breaker fails the
 * attempt at once; the durable retry of the delivery pass tries the message again later.
 */
public final class ResilientSender {

    private final MessageSender sender;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;

    public ResilientSender(MessageSender sender, Retry retry, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter,
                           Bulkhead bulkhead) {
        this.sender = sender;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.bulkhead = bulkhead;
    }

    /** Hands the message to the channel; an error when every quick retry failed or the channel refused it for good. */
    public Mono<Void> deliver(Message message) {
        return Mono.defer(() -> sender.deliver(message))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry));
    }
}
