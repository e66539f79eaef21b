package closedloop.escalation.obligation;

import closedloop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The obligations carry an outbox, which the platform's relay publishes. */
@Configuration(proxyBeanMethods = false)
class ObligationConfiguration {

    @Bean
    OutboxSource obligationsOutbox() {
        return new OutboxSource(Obligation.COLLECTION);
    }
}
