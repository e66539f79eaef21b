package closedloop.escalation.obligation.web;

import closedloop.contracts.PromiseKind;
import closedloop.escalation.obligation.Fulfilment;
import closedloop.escalation.obligation.Obligation;
import closedloop.escalation.obligation.ObligationStatus;
import closedloop.escalation.obligation.Waiver;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One obligation as the branch, the agent and the supervisor see it.
 *
 * @param owedBy       the branch that owes it, null until the complaint's ticket was dispatched
 * @param dueByDefault    whether {@code dueAt} is the kind's default (the agent gave no date)
 * @param complaintNumber the complaint's number, as staff read it out
 * @param warnAt          when it is warned (催办) if still open: three quarters of the time to keep it
 * @param warnedAt        when it was warned; null before
 * @param breachedAt      when it was found not kept by its due time (督办); null before
 */
public record ObligationView(String id, String complaintId, int number, PromiseKind kind, String text,
                             BigDecimal amount, String owedBy, Instant promisedAt, Instant dueAt,
                             boolean dueByDefault, ObligationStatus status, Fulfilment fulfilment, Waiver waiver,
                             String complaintNumber, Instant warnAt, Instant warnedAt, Instant breachedAt) {

    static ObligationView of(Obligation obligation) {
        return new ObligationView(obligation.id(), obligation.complaintId(), obligation.number(), obligation.kind(),
                obligation.text(), obligation.amount(), obligation.owedBy(), obligation.promisedAt(),
                obligation.dueAt(), obligation.dueByDefault(), obligation.status(), obligation.fulfilment(),
                obligation.waiver(), obligation.complaintNumber(), obligation.warnAt(), obligation.warnedAt(),
                obligation.breachedAt());
    }
}
