package closedloop.escalation.sla;

import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.policy.WorkingTime;
import closedloop.platform.PeriodicPass;
import closedloop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SLA cases carry an outbox, which the platform's relay publishes; the deadline arithmetic with the operator's
 * rules; the clock board and its firing loop.
 */
@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

    @Bean
    OutboxSource slaCasesOutbox() {
        return new OutboxSource(SlaCase.COLLECTION);
    }

    @Bean
    Deadlines deadlines(WorkingTime time, BusinessCalendar calendar, EscalationProperties properties) {
        return new Deadlines(time, calendar, properties.rules());
    }

    @Bean
    ClockBoard clockBoard() {
        return new ClockBoard();
    }

    /** Looks at the board every scan interval (real time) and when nudged; fires by the injected clock's time. */
    @Bean(Timekeeper.FIRING_PASS)
    PeriodicPass firingLoop(Timekeeper timekeeper, EscalationProperties properties) {
        PeriodicPass loop = new PeriodicPass("SLA firing pass", properties.scanInterval(), timekeeper::fireDue);
        timekeeper.nudgeWith(loop::nudge);
        return loop;
    }
}
