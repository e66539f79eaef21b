package closedloop.intake.complaint;

import closedloop.contracts.Category;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer's recent complaints of one category, newest first, at most {@link #MAX_KEPT}: the one document that
 * repeat detection reads, by its {@code _id} ({@code phone|category}), instead of querying the complaints. It is
 * read by key only, so it declares no index.
 *
 * @param key     {@link #keyOf(String, Category)}
 * @param entries the newest entries first; an entry may name a complaint that was never stored, or one older than
 *                the repeat window: {@link #candidates(String, Instant, Instant)} and {@link Repeats} sort them out
 */
@Document(CustomerRecentComplaints.COLLECTION)
public record CustomerRecentComplaints(@Id String key, List<RecentComplaint> entries) {

    public static final String COLLECTION = "customer_recent_complaints";

    /** At most this many entries are kept, and at most this many earlier complaints are named as repeated. */
    public static final int MAX_KEPT = 100;

    /** Newest first; ties broken by number, as the complaints' own search orders them. */
    static final Comparator<RecentComplaint> NEWEST_FIRST = Comparator.comparing(RecentComplaint::registeredAt)
            .thenComparing(RecentComplaint::number).reversed();

    public CustomerRecentComplaints {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The key of a customer's list for a category: the phone (as normalised by the customer) and the category. */
    public static String keyOf(String phone, Category category) {
        return phone + "|" + category.name();
    }

    /** Whether the list has an entry for this complaint. */
    public boolean lists(String complaintId) {
        return entries.stream().anyMatch(entry -> entry.complaintId().equals(complaintId));
    }

    /**
     * The entries that may be earlier complaints the complaint {@code ownId} repeats: registered in
     * {@code [since, until]} (both ends included), never the complaint itself, each complaint once, newest first, at
     * most {@link #MAX_KEPT}.
     */
    public List<RecentComplaint> candidates(String ownId, Instant since, Instant until) {
        Set<String> seen = new HashSet<>();
        return entries.stream()
                .filter(entry -> !entry.complaintId().equals(ownId))
                .filter(entry -> !entry.registeredAt().isBefore(since) && !entry.registeredAt().isAfter(until))
                .sorted(NEWEST_FIRST)
                .filter(entry -> seen.add(entry.complaintId()))
                .limit(MAX_KEPT)
                .toList();
    }
}
