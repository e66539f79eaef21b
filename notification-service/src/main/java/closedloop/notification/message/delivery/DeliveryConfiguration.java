package closedloop.notification.message.delivery;

import closedloop.notification.message.Message;
import closedloop.platform.PeriodicPass;
import closedloop.platform.WaitingMarker;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The delivery pass, and the circuit breakers of the channels on the injected clock. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** The delivery pass's bean name, by which a test asks it how many passes it completed. */
    static final String DELIVERY_PASS = "deliveryPass";

    /** Delivers due messages every poll interval (real time) and whenever a message is recorded. */
    @Bean(DELIVERY_PASS)
    PeriodicPass deliveryPass(Deliveries deliveries, DeliveryProperties properties) {
        PeriodicPass pass = new PeriodicPass("Message delivery pass", properties.pollInterval(),
                deliveries::deliverDue);
        deliveries.nudgeWith(pass::nudge);
        return pass;
    }

    /** The messages waiting for the delivery pass: HELD or PENDING, marked {@value Message#AWAITING_DELIVERY}. */
    @Bean
    WaitingMarker awaitingDelivery() {
        return new WaitingMarker("messages", Message.AWAITING_DELIVERY, where("status").in(DueMessages.WAITING));
    }

    /** The SMS breaker waits in its open state by the injected clock, so that tests move it instead of sleeping. */
    @Bean
    CircuitBreakerConfigCustomizer smsBreakerClock(Clock clock) {
        return onClock("sms", clock);
    }

    /** The mail breaker waits in its open state by the injected clock. */
    @Bean
    CircuitBreakerConfigCustomizer emailBreakerClock(Clock clock) {
        return onClock("email", clock);
    }

    /** The live channel's breaker waits in its open state by the injected clock. */
    @Bean
    CircuitBreakerConfigCustomizer liveBreakerClock(Clock clock) {
        return onClock("live", clock);
    }

    private static CircuitBreakerConfigCustomizer onClock(String instance, Clock clock) {
        return CircuitBreakerConfigCustomizer.of(instance, builder -> builder.clock(clock));
    }
}
