package closedloop.escalation.supervision;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.contracts.ComplaintClosed;
import closedloop.contracts.TicketEscalated;
import closedloop.contracts.TicketResolved;
import closedloop.platform.domain.RaceRetry;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies one event of any topic to supervision's views: first the complaint's dossier, then what the event means
 * for alerts and the office-meeting agenda. Every step is idempotent, so a redelivered event changes nothing, and
 * each step runs again on redelivery in case a crash came between them.
 */
@Service
@RequiredArgsConstructor
public class Supervision {

    private final Dossiers dossiers;
    private final AlertDesk alerts;
    private final Agenda agenda;
    private final RaceRetry raceRetry;

    /** Applies the event that came from this topic. */
    public Mono<Void> apply(ClosedLoopEvent event, String topic) {
        return record(event, topic).flatMap(dossier -> react(event, dossier));
    }

    private Mono<Dossier> record(ClosedLoopEvent event, String topic) {
        return raceRetry.retrying(() -> dossiers.findById(event.complaintId())
                .defaultIfEmpty(Dossier.of(event.complaintId()))
                .flatMap(dossier -> dossier.record(event, topic) ? dossiers.save(dossier) : Mono.just(dossier)));
    }

    private Mono<Void> react(ClosedLoopEvent event, Dossier dossier) {
        Mono<?> raised = alerts.alertFor(event).flatMap(alert -> alerts.raise(alert, dossier));
        Mono<?> then = Mono.empty();
        if (event instanceof TicketEscalated escalated) {
            then = agenda.escalated(escalated, dossier);
        } else if (event instanceof TicketResolved resolved) {
            then = alerts.clearTicket(resolved.ticketId(), resolved.occurredAt()).then(agenda.resolved(resolved));
        } else if (event instanceof ComplaintClosed closed) {
            then = alerts.clearComplaint(closed.complaintId(), closed.occurredAt()).then(agenda.closed(closed));
        }
        return raised.then(then).then();
    }
}
