package closedloop.escalation.obligation;

import closedloop.platform.PeriodicPass;
import closedloop.platform.WaitingMarker;
import closedloop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The obligations carry an outbox, which the platform's relay publishes; a periodic pass looks at their clocks. */
@Configuration(proxyBeanMethods = false)
class ObligationConfiguration {

    /** The name of the periodic pass that looks at the promises' clocks, for tests that wait for it to run. */
    static final String CLOCK_PASS = "obligationClockPass";
    /** How many obligations one pass looks at most; a full batch is followed by another pass at once. */
    static final int BATCH = 500;

    /** The obligations whose clocks the pass watches: OPEN with a warning or due time still to be looked at. */
    @Bean
    WaitingMarker awaitingObligationClock() {
        return new WaitingMarker(Obligation.COLLECTION, Obligation.AWAITING_CLOCK,
                where("status").is(ObligationStatus.OPEN.name()).and("nextCheckAt").ne(null));
    }

    /** Looks at the promises' clocks every scan interval (real time), by the injected clock's time. */
    @Bean(CLOCK_PASS)
    PeriodicPass obligationClockPass(Obligations obligations, ObligationProperties properties) {
        return new PeriodicPass("Obligation clock pass", properties.scanInterval(),
                () -> obligations.lookAtDueClocks(BATCH).map(looked -> looked >= BATCH));
    }

    @Bean
    OutboxSource obligationsOutbox() {
        return new OutboxSource(Obligation.COLLECTION);
    }
}
