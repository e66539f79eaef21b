package closedloop.escalation.sla;

import closedloop.platform.PeriodicPass;
import closedloop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clocks collection carries an outbox, which the platform's relay publishes; a periodic pass fires due clocks. */
@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

    @Bean
    OutboxSource clocksOutbox() {
        return new OutboxSource(SlaClock.COLLECTION);
    }

    /** Looks for due clocks every scan interval (real time) and fires them by the injected clock's time. */
    @Bean
    PeriodicPass escalationPass(Timekeeper timekeeper, EscalationProperties properties) {
        return new PeriodicPass("Escalation pass", properties.scanInterval(),
                () -> timekeeper.escalateDue().thenReturn(false));
    }
}
