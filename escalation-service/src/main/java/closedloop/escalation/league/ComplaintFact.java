package closedloop.escalation.league;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What the league needs to know about a complaint, one document per complaint id, joined to its tickets when a
 * table is computed (so that it does not matter whether the complaint's or its tickets' events arrive first).
 *
 * @param repeat the same customer complained about the same category within 30 days (ComplaintRegistered)
 */
@Document(ComplaintFact.COLLECTION)
public record ComplaintFact(@Id String complaintId, Instant registeredAt, boolean repeat) {

    public static final String COLLECTION = "league_complaints";
}
