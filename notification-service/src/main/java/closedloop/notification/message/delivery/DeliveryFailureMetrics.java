package closedloop.notification.message.delivery;

import closedloop.notification.message.MessageChannel;
import closedloop.platform.observability.LoopMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Registers the platform's count of messages given up on ({@code closedloop_messages_failed_total}, counted from the
 * {@code MessageFailed} events the relay publishes) for every channel at start, so that each channel's series is there
 * at zero and an alert sees its first failure.
 */
@Component
class DeliveryFailureMetrics implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MessageChannel channel : MessageChannel.values()) {
            LoopMetrics.messagesFailed(registry, channel.name());
        }
    }
}
