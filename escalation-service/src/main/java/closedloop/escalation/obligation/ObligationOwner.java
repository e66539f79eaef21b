package closedloop.escalation.obligation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The branch that holds a complaint's ticket now, and so owes its promises; kept apart from the obligations because
 * a ticket may be dispatched before its complaint's promises are recorded (they come on different topics).
 */
@Document(ObligationOwner.COLLECTION)
public record ObligationOwner(@Id String complaintId, String branch) {

    public static final String COLLECTION = "obligation_owners";
}
