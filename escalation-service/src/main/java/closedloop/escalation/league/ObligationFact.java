package closedloop.escalation.league;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What the league needs to know about a promise to a customer, one document per obligation, from its events: the
 * branch that owed it, when it was due, and when it was kept, found not kept by its due time, or waived.
 */
@Document(ObligationFact.COLLECTION)
public record ObligationFact(@Id String obligationId, @Indexed String complaintId, String branch, Instant dueAt,
                             Instant keptAt, Instant breachedAt, Instant waivedAt) {

    public static final String COLLECTION = "league_obligations";

    /**
     * Whether it was kept on time: true when kept by its due time, false when kept late or found not kept by it, null
     * while it is neither (open and not yet due) or when it was waived, which the rate leaves out.
     */
    public Boolean keptOnTime() {
        if (waivedAt != null) {
            return null;
        }
        if (keptAt != null) {
            return dueAt == null ? null : !keptAt.isAfter(dueAt);
        }
        return breachedAt != null ? Boolean.FALSE : null;
    }
}
