package closedloop.escalation.sla;

import closedloop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clocks collection carries an outbox, which the platform's relay publishes. */
@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

    @Bean
    OutboxSource clocksOutbox() {
        return new OutboxSource(SlaClock.COLLECTION);
    }
}
