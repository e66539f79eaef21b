package closedloop.platform.deadletter;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What an operator decided about a dead letter, who and when: its audit record, one per dead letter (the dead
 * letter's id is the document's {@code _id}, so a second decision about the same one is refused by the store).
 *
 * @param reason why it was discarded; null for a replay
 */
@Document(DeadLetterDecision.COLLECTION)
public record DeadLetterDecision(@Id String deadLetterId, DeadLetterState state, String actor, Instant at,
                                 String reason) {

    public static final String COLLECTION = "dead_letter_decisions";
}
