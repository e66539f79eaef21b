package closedloop.escalation.supervision;

import closedloop.platform.PeriodicPass;
import closedloop.platform.WaitingMarker;
import closedloop.platform.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The agenda items carry an outbox, which the platform's relay publishes; a periodic pass finds overdue decisions. */
@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    /** How many overdue decisions one pass tells at most; a full batch is followed by another pass at once. */
    static final int OVERDUE_BATCH = 200;

    @Bean
    OutboxSource agendaOutbox() {
        return new OutboxSource(AgendaItem.COLLECTION);
    }

    /** The items whose decision's deadline the decision pass watches: DECIDED, not yet told overdue. */
    @Bean
    WaitingMarker awaitingDecisionDeadline() {
        return new WaitingMarker(AgendaItem.COLLECTION, AgendaItem.AWAITING_DECISION_DEADLINE,
                where("status").is(AgendaStatus.DECIDED.name()).and("decisionDue").ne(null));
    }

    /** Looks for decisions past their deadline every scan interval (real time), by the injected clock's time. */
    @Bean(Agenda.DECISION_PASS)
    PeriodicPass decisionDeadlinePass(Agenda agenda, SupervisionProperties properties) {
        return new PeriodicPass("Office-meeting decision pass", properties.decisionScanInterval(),
                () -> agenda.raiseOverdueDecisions(OVERDUE_BATCH).map(raised -> raised >= OVERDUE_BATCH));
    }
}
