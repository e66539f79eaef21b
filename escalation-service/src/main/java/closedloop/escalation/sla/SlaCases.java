package closedloop.escalation.sla;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The SLA cases in MongoDB. A save is a versioned write of the whole state that appends only the events recorded
 * since the case was read to the stored outbox (never rewrites it), so that it cannot put back events the outbox
 * relay published and removed meanwhile; a save that finds another version throws
 * {@link OptimisticLockingFailureException}. Every query has its index on {@link SlaCase}.
 */
@Repository
public class SlaCases {

    /** How many due cases one batch of a partition load carries. */
    private static final int LOAD_BATCH = 10_000;

    /** The fields a save leaves to the outbox relay or sets itself. */
    private static final Set<String> NOT_SET = Set.of("_id", "_class", "version", "outbox", "outboxSince");

    private final ReactiveMongoTemplate mongo;
    private final List<String> fields = new ArrayList<>();

    public SlaCases(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(SlaCase.class)
                .doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
                    if (!NOT_SET.contains(property.getFieldName())) {
                        fields.add(property.getFieldName());
                    }
                });
    }

    /** The case of a complaint, if there is one. */
    public Mono<SlaCase> findById(String complaintId) {
        return mongo.findById(complaintId, SlaCase.class).doOnNext(found -> found.markStored(found.version()));
    }

    /** The cases of these complaints that exist, in one query by {@code _id}. */
    public Flux<SlaCase> findAllById(Collection<String> complaintIds) {
        return mongo.find(new Query(where("_id").in(complaintIds)), SlaCase.class)
                .doOnNext(found -> found.markStored(found.version()));
    }

    /** Inserts a new case or writes a changed one if it still has the version it was read with. */
    public Mono<SlaCase> save(SlaCase slaCase) {
        if (slaCase.version() == null) {
            return mongo.insert(slaCase).doOnNext(saved -> saved.markStored(saved.version()));
        }
        return update(slaCase);
    }

    private Mono<SlaCase> update(SlaCase slaCase) {
        long version = slaCase.version();
        return mongo.updateFirst(current(slaCase), versionedUpdate(slaCase), SlaCase.COLLECTION)
                .flatMap(result -> {
                    if (result.getMatchedCount() == 0) {
                        return Mono.error(new OptimisticLockingFailureException("Case " + slaCase.complaintId()
                                + " is no longer at version " + version));
                    }
                    slaCase.markStored(version + 1);
                    return Mono.just(slaCase);
                });
    }

    /**
     * Writes changed cases read from the store in one bulk write (one round trip, one commit on the embedded store),
     * each only if it still has the version it was read with. Emits true when every one was written; false when at
     * least one had changed meanwhile, and then none of them counts as saved (those that were written hold their
     * events already, so reading and firing them again finds nothing new to do).
     */
    public Mono<Boolean> saveAll(List<SlaCase> changed) {
        if (changed.isEmpty()) {
            return Mono.just(true);
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SlaCase.COLLECTION);
        changed.forEach(slaCase -> bulk.updateOne(current(slaCase), versionedUpdate(slaCase)));
        return bulk.execute().map(result -> {
            boolean all = result.getMatchedCount() == changed.size();
            if (all) {
                changed.forEach(slaCase -> slaCase.markStored(slaCase.version() + 1));
            }
            return all;
        });
    }

    /** The filter of a versioned write: this case at the version it was read with. */
    private static Query current(SlaCase slaCase) {
        return new Query(where("_id").is(slaCase.complaintId()).and("version").is(slaCase.version()));
    }

    /**
     * The whole state, the next version, and the events recorded since the case was read appended to the outbox.
     */
    private Update versionedUpdate(SlaCase slaCase) {
        Document written = new Document();
        mongo.getConverter().write(slaCase, written);
        Update update = new Update().set("version", slaCase.version() + 1);
        for (String field : fields) {
            if (written.get(field) != null) {
                update.set(field, written.get(field));
            } else {
                update.unset(field);
            }
        }
        List<?> outbox = written.getList("outbox", Object.class, List.of());
        List<?> recorded = outbox.subList(Math.min(slaCase.storedEvents(), outbox.size()), outbox.size());
        if (!recorded.isEmpty()) {
            update.push("outbox").each(recorded.toArray());
            update.set("outboxSince", ((Document) recorded.get(0)).get("occurredAt"));
        }
        return update;
    }

    /**
     * The cases of these partitions that have something due, as id, partition and due instant only, streamed in
     * batches: one query for all of them (index {@code partition_nextDueAt}), not one per partition.
     */
    public Flux<DueCase> dueOnPartitions(Collection<Integer> partitions) {
        Query query = new Query(where("partition").in(partitions).and("nextDueAt").ne(null))
                .cursorBatchSize(LOAD_BATCH);
        query.fields().include("_id", "partition", "nextDueAt");
        return mongo.find(query, DueCase.class, SlaCase.COLLECTION);
    }

    /** The case that holds this extension. */
    public Mono<SlaCase> findByExtension(String extensionId) {
        return mongo.findOne(new Query(where("extensions.id").is(extensionId)), SlaCase.class)
                .doOnNext(found -> found.markStored(found.version()));
    }

    /** Cases with an extension in this status (any status when null), at most {@code limit}. */
    public Flux<SlaCase> withExtensions(ExtensionStatus status, int limit) {
        Query query = status == null
                ? new Query(where("extensions.status").in((Object[]) ExtensionStatus.values()))
                : new Query(where("extensions.status").is(status));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "extensions.requestedAt")).limit(limit),
                SlaCase.class);
    }

    /** The cases with the latest escalations, newest first, at most {@code limit}. */
    public Flux<SlaCase> lastEscalated(int limit) {
        Query query = new Query(where("lastEscalatedAt").ne(null))
                .with(Sort.by(Sort.Direction.DESC, "lastEscalatedAt")).limit(limit);
        return mongo.find(query, SlaCase.class);
    }

    /**
     * What the clock board needs of a case.
     *
     * @param id        the complaint id
     * @param partition its partition of router.ticket
     * @param nextDueAt when something falls due
     */
    public record DueCase(String id, int partition, Instant nextDueAt) {
    }
}
