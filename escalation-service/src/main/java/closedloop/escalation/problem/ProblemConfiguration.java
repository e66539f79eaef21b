package closedloop.escalation.problem;

import closedloop.platform.PeriodicPass;
import closedloop.platform.WaitingMarker;
import closedloop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The problems carry an outbox, which the platform's relay publishes; a periodic pass looks at the actions' clocks. */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

    /** The name of the periodic pass that looks at the actions' clocks, for tests that wait for it to run. */
    static final String ACTION_PASS = "correctiveActionPass";
    /** How many problems one pass looks at most; a full batch is followed by another pass at once. */
    static final int BATCH = 200;

    @Bean
    OutboxSource problemsOutbox() {
        return new OutboxSource(Problem.COLLECTION);
    }

    /** The problems whose action clocks the pass watches: OPEN with a warning or due date still to be looked at. */
    @Bean
    WaitingMarker awaitingActionCheck() {
        return new WaitingMarker(Problem.COLLECTION, Problem.AWAITING_ACTION_CHECK,
                where("status").is(ProblemStatus.OPEN.name()).and("nextCheckAt").ne(null));
    }

    /** Looks at the actions' clocks every scan interval (real time), by the injected clock's time. */
    @Bean(ACTION_PASS)
    PeriodicPass correctiveActionPass(ProblemDesk problems, ProblemProperties properties) {
        return new PeriodicPass("Corrective action pass", properties.scanInterval(),
                () -> problems.lookAtDueClocks(BATCH).map(looked -> looked >= BATCH));
    }
}
