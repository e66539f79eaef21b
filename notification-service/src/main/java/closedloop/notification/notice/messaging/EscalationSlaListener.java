package closedloop.notification.notice.messaging;

import closedloop.contracts.ExtensionApproved;
import closedloop.contracts.ObligationFulfilled;
import closedloop.contracts.ObligationWaived;
import closedloop.contracts.ProblemSolved;
import closedloop.notification.promise.PromisesKept;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketWarned;
import closedloop.contracts.Topics;
import closedloop.notification.notice.WhoIsTold;
import closedloop.platform.kafka.EventHandlers;
import closedloop.platform.kafka.EventReceiver;
import closedloop.platform.kafka.TopicListener;
import org.springframework.stereotype.Component;

/**
 * Receives the SLA engine's events ({@value Topics#ESCALATION_SLA}) and hands an approved extension (延期), a kept
 * promise (承诺兑现), a solved problem (问题单), a warning (催办) and an escalation (督办, 办公会) to {@link WhoIsTold}.
 */
@Component
public class EscalationSlaListener extends TopicListener {

    public EscalationSlaListener(EventReceiver receiver, WhoIsTold whoIsTold, PromisesKept promises) {
        super(receiver, EventHandlers.of(ExtensionApproved.class, whoIsTold::extensionApproved)
                .and(ObligationFulfilled.class, kept -> whoIsTold.promiseKept(kept)
                        .then(promises.settled(kept.complaintId(), kept.obligationId())))
                .and(ObligationWaived.class, waived -> promises.settled(waived.complaintId(), waived.obligationId()))
                .and(ProblemSolved.class, whoIsTold::problemSolved)
                .and(TicketWarned.class, whoIsTold::warned)
                .and(TicketEscalated.class, whoIsTold::escalated), Topics.ESCALATION_SLA);
    }
}
