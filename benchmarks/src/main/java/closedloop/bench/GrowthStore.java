package closedloop.bench;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * The growth benchmark's own work on the stack's store, through the driver: storing a million complaints (and their
 * customers' summaries) in bulk, and the raw driver doing, one at a time, the two writes the POST makes, so that the
 * store's own slowdown as it grows is measured beside the service's.
 */
final class GrowthStore implements AutoCloseable {

    static final int BATCH = 1_000;
    /** How many searches by phone the raw driver times. */
    static final int SEARCHES = 5;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final MongoClient client;
    private final MongoCollection<Document> complaints;
    private final MongoCollection<Document> summaries;

    GrowthStore(String mongoUri) {
        client = MongoClients.create(mongoUri);
        MongoDatabase intake = client.getDatabase("closedloop-intake");
        complaints = intake.getCollection("complaints");
        summaries = intake.getCollection("customer_recent_complaints");
    }

    /** How many complaints are stored. */
    long complaints() {
        return Mono.from(complaints.countDocuments()).block(TIMEOUT);
    }

    /**
     * Stores {@code count} complaints copied from one the loop stored, and their summaries, in bulk writes of
     * {@value #BATCH}, in key order (as {@link CaseDocuments#sortedIds} explains); prints progress; returns the time.
     */
    Duration preload(int count, LocalDate firstDay) {
        GrowthDocuments documents = documents(firstDay);
        List<String> ids = CaseDocuments.sortedIds(count, 0, 15);
        Instant newest = Instant.now().minus(Duration.ofDays(1));
        long started = System.nanoTime();
        for (int from = 0; from < count; from += BATCH) {
            List<Document> batch = new ArrayList<>(BATCH);
            List<Document> batchSummaries = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                Instant registeredAt = newest.minusSeconds(30L * (count - i));
                batch.add(documents.complaint(i, ids.get(i), registeredAt));
                batchSummaries.add(documents.summary(i, ids.get(i), registeredAt));
            }
            Mono.from(complaints.insertMany(batch, new InsertManyOptions().ordered(false))).block(TIMEOUT);
            Mono.from(summaries.insertMany(batchSummaries, new InsertManyOptions().ordered(false))).block(TIMEOUT);
            int done = Math.min(count, from + BATCH);
            if (done % 100_000 == 0 || done == count) {
                long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
                LoopBenchmark.say("  %,d of %,d complaints stored (%,d/s)", done, count, done * 1000L / millis);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * The raw driver doing the POST's two writes {@code count} times, one at a time: insert a complaint (a copy of a
     * stored one, new id and number) and push an entry onto a new customer's summary by key (upsert). Their
     * latencies in microseconds, with those of {@value #SEARCHES} {@link #rawSearches searches}.
     */
    RawLatencies rawWrites(int count, LocalDate day) {
        GrowthDocuments documents = documents(day);
        List<Long> inserts = new ArrayList<>(count);
        List<Long> upserts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            Document complaint = documents.complaint(i, id, Instant.now());
            long started = System.nanoTime();
            Mono.from(complaints.insertOne(complaint)).block(TIMEOUT);
            long inserted = System.nanoTime();
            Mono.from(summaries.findOneAndUpdate(eq("_id", "137" + day + i),
                    Updates.push("entries", new Document("complaintId", id)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))).block(TIMEOUT);
            long upserted = System.nanoTime();
            inserts.add((inserted - started) / 1_000);
            upserts.add((upserted - inserted) / 1_000);
        }
        return new RawLatencies(Percentiles.of(inserts), Percentiles.of(upserts), rawSearches(SEARCHES));
    }

    /**
     * The raw driver sending {@code count} times the store work of complaint-intake's search by phone (an agent
     * looking a caller up): the filter, sort, page and count of {@code ComplaintQueries}, for phones of stored
     * complaints. Their latencies in microseconds. No index the embedded store serves answers it: a scan.
     */
    Percentiles rawSearches(int count) {
        List<Document> sample = Flux.from(complaints.find().projection(new Document("customer.phone", 1))
                .limit(count)).collectList().block(TIMEOUT);
        List<Long> latencies = new ArrayList<>(count);
        for (Document complaint : sample) {
            Bson byPhone = and(eq("customer.phone", complaint.get("customer", Document.class).getString("phone")));
            long started = System.nanoTime();
            Flux.from(complaints.find(byPhone).sort(new Document("registeredAt", -1).append("number", -1)).limit(20)
                    .projection(new Document("number", 1).append("status", 1).append("registeredAt", 1)))
                    .collectList().block(TIMEOUT);
            Mono.from(complaints.countDocuments(byPhone)).block(TIMEOUT);
            latencies.add((System.nanoTime() - started) / 1_000);
        }
        return Percentiles.of(latencies);
    }

    private GrowthDocuments documents(LocalDate firstDay) {
        Document complaint = Mono.from(complaints.find().first()).block(TIMEOUT);
        Document summary = Mono.from(summaries.find().first()).block(TIMEOUT);
        if (complaint == null || summary == null) {
            throw new IllegalStateException("No stored complaint and summary to copy: run some load first");
        }
        return new GrowthDocuments(complaint, summary, firstDay);
    }

    @Override
    public void close() {
        client.close();
    }

    /** The raw driver's latencies (µs) for the complaint insert, the summary upsert and the search by phone. */
    record RawLatencies(Percentiles insert, Percentiles upsert, Percentiles search) {
    }
}
