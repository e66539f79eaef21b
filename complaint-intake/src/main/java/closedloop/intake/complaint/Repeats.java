package closedloop.intake.complaint;

import closedloop.contracts.Category;
import closedloop.platform.domain.RaceRetry;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Finds the earlier complaints a new one repeats by reading one document by key, the customer's
 * {@link CustomerRecentComplaints} of that category, so that a registration never queries the complaints (a scan on a
 * store without secondary indexes, as the embedded default's). No transaction is needed:
 * <ol>
 *     <li>one atomic {@code findAndModify} upsert pushes the new complaint's entry (kept newest first, at most
 *     {@link CustomerRecentComplaints#MAX_KEPT}) and returns the list as it was before: its entries within the repeat
 *     window are the candidates;</li>
 *     <li>the caller then inserts the complaint. A crash or a failed insert in between leaves an entry that names no
 *     complaint, so the candidates are confirmed by {@code _id} in the complaints (only when there are any) and such
 *     an entry is never named as repeated.</li>
 * </ol>
 * <b>Concurrency.</b> Two registrations of the same customer and category are ordered by the {@code findAndModify}:
 * the second sees the first's entry, across instances too. If the first's insert has not landed when the second
 * confirms, the second is not marked as repeating it: the same as querying the complaints did, which could not see
 * an insert in flight either. A complaint is never named before it is stored.
 * <p>
 * <b>The same complaint again</b> (an idempotency key retried after a crash, or concurrent requests with one key):
 * the push is conditional on the list not naming the complaint yet, so it adds one entry per complaint; when the
 * list names it, the upsert fails on the {@code _id} and the list is read instead. A complaint is never its own
 * repeat. The push's filter names the {@code _id} beside that condition: real MongoDB and the embedded default's store
 * (local-stack's {@code IdFirstCollection}) answer it from the {@code _id} index. The list names at most one entry of
 * a complaint unless a hundred newer ones pushed it out between two attempts; candidates are taken once each anyway.
 * <p>
 * <b>Complaints stored before the lists existed</b> are not in any list and are not backfilled (a lazy backfill would
 * query the complaints on every customer's first registration, the scan this avoids): for one repeat window after
 * the upgrade, a repeat of a complaint registered before it is not detected.
 */
@Component
@RequiredArgsConstructor
public class Repeats {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("number"));

    private final ReactiveMongoTemplate mongo;
    private final RaceRetry raceRetry;

    /**
     * Lists the complaint as the customer's newest of its category and answers the stored earlier complaints of that
     * customer and category registered in {@code [since, complaint.registeredAt()]}, newest first.
     */
    public Mono<List<EarlierComplaint>> list(String phone, Category category, RecentComplaint complaint, Instant since) {
        String key = CustomerRecentComplaints.keyOf(phone, category);
        return raceRetry.retrying(() -> push(key, complaint))
                .defaultIfEmpty(new CustomerRecentComplaints(key, List.of()))
                .map(before -> before.candidates(complaint.complaintId(), since, complaint.registeredAt()))
                .flatMap(this::stored);
    }

    /**
     * Pushes the entry unless the list names the complaint already, and answers the list before the push (empty when
     * there was none). When it names the complaint, the upsert's insert fails on the {@code _id} and the list is read
     * instead; a duplicate {@code _id} while the list does not name it is two first pushes racing: tried again.
     */
    private Mono<CustomerRecentComplaints> push(String key, RecentComplaint entry) {
        Query notYetListed = new Query(where("_id").is(key).and("entries.complaintId").ne(entry.complaintId()));
        Update push = new Update().push("entries").sort(NEWEST_FIRST).slice(CustomerRecentComplaints.MAX_KEPT)
                .each(entry);
        FindAndModifyOptions returnBefore = FindAndModifyOptions.options().upsert(true).returnNew(false);
        return mongo.findAndModify(notYetListed, push, returnBefore, CustomerRecentComplaints.class)
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(key, CustomerRecentComplaints.class)
                        .filter(listed -> listed.lists(entry.complaintId()))
                        .switchIfEmpty(Mono.error(taken)));
    }

    /** The candidates that are stored complaints, in the same order, each with its stored number. */
    private Mono<List<EarlierComplaint>> stored(List<RecentComplaint> candidates) {
        if (candidates.isEmpty()) {
            return Mono.just(List.of());
        }
        Query byId = new Query(where("_id").in(candidates.stream().map(RecentComplaint::complaintId).toList()));
        byId.fields().include("number");
        return mongo.find(byId, Complaint.class).collectMap(Complaint::id, Complaint::number)
                .map(numbers -> confirmed(candidates, numbers));
    }

    private static List<EarlierComplaint> confirmed(List<RecentComplaint> candidates, Map<String, String> numbers) {
        return candidates.stream().filter(candidate -> numbers.containsKey(candidate.complaintId()))
                .map(candidate -> new EarlierComplaint(candidate.complaintId(), numbers.get(candidate.complaintId())))
                .toList();
    }
}
