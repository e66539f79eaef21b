package closedloop.escalation.supervision.web;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.Category;
import closedloop.contracts.Priority;
import closedloop.escalation.supervision.Breach;
import closedloop.escalation.supervision.Dossier;
import closedloop.escalation.supervision.Holder;
import closedloop.escalation.supervision.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * A complaint's evidence pack: its timeline from every service, the escalation rungs it reached, every branch that
 * held it with how long, and whether it repeats earlier complaints and how often it was reopened.
 *
 * @param number            the complaint's human number; null until intake's registration arrived
 * @param earlierComplaints how many earlier complaints this one repeats
 * @param holders           one per ticket, in dispatch order; the dwell of a branch still holding it runs until now
 */
public record Evidence(String complaintId, String number, Category category, Priority priority, boolean repeat,
                       int earlierComplaints, List<String> repeatOf, int reopenCount, Instant closedAt,
                       CallbackOutcome outcome, List<TimelineEntry> timeline, List<Breach> breaches,
                       List<Holder> holders) {

    /** The evidence in a dossier, with dwell times until {@code now}. */
    public static Evidence of(Dossier dossier, Instant now) {
        return new Evidence(dossier.complaintId(), dossier.number(), dossier.category(), dossier.priority(),
                dossier.repeat(), dossier.repeatOf().size(), dossier.repeatOf(), dossier.reopenCount(),
                dossier.closedAt(), dossier.outcome(), dossier.timeline(), dossier.breaches(), dossier.holders(now));
    }

    /** The evidence of a complaint no event arrived about yet. */
    public static Evidence none(String complaintId) {
        return of(Dossier.of(complaintId), Instant.EPOCH);
    }
}
