package closedloop.notification.contact;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Set;

/**
 * The tickets a complaint was reopened (发回重办) with, remembered from their assignments: how many times it came back.
 *
 * @param complaintId the complaint, also the document's id
 * @param ticketIds   the tickets assigned because the complaint was reopened
 */
@Document("reopens")
public record ReopenedTickets(@Id String complaintId, Set<String> ticketIds) {

    /** How many times the complaint was reopened. */
    public int count() {
        return ticketIds == null ? 0 : ticketIds.size();
    }
}
