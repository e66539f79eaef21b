package closedloop.escalation.sla;

import closedloop.platform.PeriodicPass;
import closedloop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA cases carry an outbox, which the platform's relay publishes; the clock board and its firing loop. */
@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

    @Bean
    OutboxSource slaCasesOutbox() {
        return new OutboxSource(SlaCase.COLLECTION);
    }

    @Bean
    ClockBoard clockBoard() {
        return new ClockBoard();
    }

    /** Looks at the board every scan interval (real time) and when nudged; fires by the injected clock's time. */
    @Bean
    PeriodicPass firingLoop(Timekeeper timekeeper, EscalationProperties properties) {
        PeriodicPass loop = new PeriodicPass("SLA firing pass", properties.scanInterval(), timekeeper::fireDue);
        timekeeper.nudgeWith(loop::nudge);
        return loop;
    }
}
