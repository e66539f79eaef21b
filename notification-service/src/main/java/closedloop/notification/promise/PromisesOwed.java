package closedloop.notification.promise;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What a complaint's customer was promised and which of those promises are settled (kept, or waived by a supervisor),
 * as escalation-service tells it: a callback may not record the customer satisfied while one is open.
 *
 * @param promised how many promises the agent made at registration; their obligations are
 *                 {@code <complaintId>-1 … -n}
 * @param settled  the obligations kept or waived
 */
@Document(PromisesOwed.COLLECTION)
public record PromisesOwed(@Id String complaintId, int promised, Set<String> settled) {

    public static final String COLLECTION = "promises_owed";

    public PromisesOwed {
        settled = settled == null ? Set.of() : Set.copyOf(settled);
    }

    /** The obligations neither kept nor waived, in the order promised. */
    public List<String> open() {
        return IntStream.rangeClosed(1, promised).mapToObj(n -> complaintId + "-" + n)
                .filter(id -> !settled.contains(id)).toList();
    }
}
