package closedloop.escalation.problem;

import closedloop.contracts.Category;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What the problems know of a registered complaint, by its id: its number, kind and district (to match it, and to
 * link it by hand), and the problem it is linked to, if any ({@code problemId}, so a complaint's problem is read by key).
 */
@Document(ProblemMember.COLLECTION)
public record ProblemMember(@Id String complaintId, String number, Category category, String district,
                           Instant registeredAt, String problemId) {

    public static final String COLLECTION = "problem_members";

    /** This complaint as the detector sees it at {@code seenAt}. */
    Sighting seenAt(Instant seenAt) {
        return new Sighting(complaintId, number, registeredAt, seenAt);
    }
}
