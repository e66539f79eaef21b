package closedloop.bench;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.Category;
import closedloop.contracts.Channel;
import closedloop.contracts.ClockKind;
import closedloop.contracts.ContactMethod;
import closedloop.contracts.EventIds;
import closedloop.contracts.FirstContactRecorded;
import closedloop.contracts.Priority;
import closedloop.contracts.TicketAccepted;
import closedloop.contracts.TicketAssigned;
import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.calendar.BusinessCalendars;
import closedloop.escalation.policy.SlaProperties;
import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.escalation.policy.WorkingTime;
import closedloop.escalation.sla.Deadlines;
import closedloop.escalation.sla.SlaCase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds {@code sla_cases} documents exactly as escalation-service stores them: a real {@link SlaCase} opened on the
 * complaint id's partition of router.ticket (Kafka's default partitioner), given a real {@link TicketAssigned} (and
 * for the held ones {@link TicketAccepted} and {@link FirstContactRecorded}) under the default policy of docs/architecture.md §4,
 * written by Spring Data's mapping converter; then its outbox is emptied as the relay leaves it after publishing.
 * BILLING, NORMAL, HOTLINE: sign for within 2 h (warning at 75 % = 90 min), first contact 4 h, resolve 24 h.
 */
final class CaseDocuments {

    /** The first thing due on a freshly dispatched ticket: the SIGN_FOR warning, 90 minutes after dispatch. */
    static final Duration SIGN_FOR_WARNING = Duration.ofMinutes(90);
    /** The first thing due on a ticket signed for and contacted: the RESOLVE warning, 18 hours after dispatch. */
    static final Duration RESOLVE_WARNING = Duration.ofHours(18);

    private final int partitions;
    private final TimeLimitPolicy policy = TimeLimitPolicy.fromSettings(1, Instant.EPOCH, SlaProperties.DEFAULTS);
    private final Deadlines deadlines;
    private final MappingMongoConverter converter;

    CaseDocuments(int partitions) {
        this.partitions = partitions;
        BusinessCalendar calendar = BusinessCalendars.fromClasspath("CN");
        this.deadlines = new Deadlines(new WorkingTime(calendar), calendar);
        converter = BenchmarkSupport.converter();
    }

    /**
     * A case whose ticket waits to be signed for; its SIGN_FOR warning falls due at {@code dueAt} (epoch millis),
     * which fires {@code TicketWarned} with the id {@link #warningId}.
     */
    Built awaitingSignFor(String complaintId, long dueAt) {
        Instant dispatched = Instant.ofEpochMilli(dueAt).minus(SIGN_FOR_WARNING);
        return require(build(complaintId, dispatched, false), dueAt);
    }

    /** A case whose ticket was signed for and the customer contacted; its RESOLVE warning falls due at {@code dueAt}. */
    Built heldForResolution(String complaintId, long dueAt) {
        Instant dispatched = Instant.ofEpochMilli(dueAt).minus(RESOLVE_WARNING);
        return require(build(complaintId, dispatched, true), dueAt);
    }

    /**
     * {@code count} random (version 4) complaint ids whose first hex digit lies in {@code [from, to]}, in ascending
     * order. The store is an H2 B-tree keyed by {@code _id} that commits after every insert command; inserting random
     * keys would rewrite about one page per document at each commit, so the loader inserts in key order, each group
     * (held, lag, storm) in a key range after the one before. The ids stay random UUIDs; partitions stay uniform.
     */
    static List<String> sortedIds(int count, int from, int to) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID uuid = UUID.randomUUID();
            long top = from + random.nextInt(to - from + 1);
            long most = (uuid.getMostSignificantBits() & 0x0FFF_FFFF_FFFF_FFFFL) | (top << 60);
            ids.add(new UUID(most, uuid.getLeastSignificantBits()).toString());
        }
        ids.sort(null);
        return ids;
    }

    /** A stored document read back as the service reads it. */
    SlaCase read(Document document) {
        return converter.read(SlaCase.class, document);
    }

    /** The partition of router.ticket Kafka's default partitioner picks for this complaint id as key. */
    int partitionOf(String complaintId) {
        return Utils.toPositive(Utils.murmur2(complaintId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The id of the SIGN_FOR warning the service fires for this ticket. */
    static String warningId(String ticketId) {
        return EventIds.derived(ticketId, ClockKind.SIGN_FOR + "/warning").toString();
    }

    private Built build(String complaintId, Instant dispatched, boolean heldForResolution) {
        String ticketId = UUID.randomUUID().toString();
        int partition = partitionOf(complaintId);
        String branch = "BENCH-" + (1 + (complaintId.hashCode() & 0x3f));
        SlaCase slaCase = SlaCase.open(complaintId, partition);
        slaCase.apply(new TicketAssigned(UUID.randomUUID(), dispatched, complaintId, ticketId, branch,
                Category.BILLING, Priority.NORMAL, null, AssignmentReason.ROUTED, Channel.HOTLINE,
                dispatched.minusSeconds(60)), partition, policy, deadlines);
        if (heldForResolution) {
            slaCase.apply(new TicketAccepted(UUID.randomUUID(), dispatched.plusSeconds(600), complaintId, ticketId,
                    branch, "dispatcher"), partition, null, deadlines);
            slaCase.apply(new FirstContactRecorded(UUID.randomUUID(), dispatched.plusSeconds(1200), complaintId,
                    ticketId, branch, dispatched.plusSeconds(1200), ContactMethod.PHONE, "reached", "handler"),
                    partition, null, deadlines);
        }
        Document document = new Document();
        converter.write(slaCase, document);
        document.put("version", 0L);
        document.put("outbox", new ArrayList<>());
        document.remove("outboxSince");
        return new Built(complaintId, ticketId, partition, slaCase.nextDueAt().toEpochMilli(), document);
    }

    private static Built require(Built built, long dueAt) {
        if (built.dueAt() != dueAt) {
            throw new IllegalStateException("Case " + built.complaintId() + " falls due at "
                    + Instant.ofEpochMilli(built.dueAt()) + ", not at " + Instant.ofEpochMilli(dueAt));
        }
        return built;
    }

    /** A case document with what the probes need to know about it. */
    record Built(String complaintId, String ticketId, int partition, long dueAt, Document document) {
    }

    /**
     * Creates the indexes a service declares on a collection (Spring Data's resolver reads them from the document
     * class, e.g. {@link SlaCase}), as its first start on an empty store does, so the documents are loaded into an
     * indexed collection as they accumulate in a real one. Without them, the service's start would build every index
     * over the loaded documents inside its {@code createIndexes}.
     */
    static void declareIndexes(MongoCollection<Document> collection, Class<?> documentType) {
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        context.setAutoIndexCreation(true);
        List<IndexModel> indexes = new ArrayList<>();
        new MongoPersistentEntityIndexResolver(context).resolveIndexFor(documentType).forEach(definition -> {
            Document options = definition.getIndexOptions();
            indexes.add(new IndexModel(definition.getIndexKeys(), new IndexOptions().name(options.getString("name"))
                    .sparse(options.getBoolean("sparse", false)).unique(options.getBoolean("unique", false))));
        });
        Mono.from(collection.createIndexes(indexes)).block();
    }
}
