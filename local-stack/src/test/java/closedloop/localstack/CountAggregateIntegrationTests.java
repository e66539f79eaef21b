package closedloop.localstack;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver's {@code countDocuments} on the embedded store: the same counts as MongoDB's, answered through the
 * collection's indexes instead of a list of the whole collection (a scan of every document, held at once).
 */
class CountAggregateIntegrationTests {

    private static final String DATABASE = "closedloop-count";

    @TempDir
    Path dataDir;

    private DurableMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> messages;

    @BeforeEach
    void tenMessagesThreeOfThemWaitingToBePublished() {
        server = DurableMongoServer.start(dataDir.resolve("count.mv"), 0);
        client = MongoClients.create(server.uri());
        messages = client.getDatabase(DATABASE).getCollection("messages");
        Mono.from(messages.createIndex(new Document("outboxSince", 1), new IndexOptions().sparse(true))).block();
        Mono.from(messages.insertMany(IntStream.range(0, 10).mapToObj(i -> {
            Document message = new Document("_id", "m-" + i).append("status", i % 2 == 0 ? "SENT" : "QUEUED");
            return i < 3 ? message.append("outboxSince", new java.util.Date()) : message;
        }).toList())).block();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void countsWhatTheFilterMatchesWithSkipAndLimitAsMongoDbDoes() {
        assertThat(count(new Document(), new CountOptions())).isEqualTo(10);
        assertThat(count(Filters.eq("status", "QUEUED"), new CountOptions())).isEqualTo(5);
        assertThat(count(Filters.eq("status", "QUEUED"), new CountOptions().skip(2))).isEqualTo(3);
        assertThat(count(Filters.eq("status", "QUEUED"), new CountOptions().limit(4))).isEqualTo(4);
        assertThat(count(Filters.eq("status", "QUEUED"), new CountOptions().skip(4).limit(4))).isEqualTo(1);
        assertThat(count(Filters.eq("status", "LOST"), new CountOptions())).isZero();
        assertThat(Mono.from(client.getDatabase(DATABASE).getCollection("none").countDocuments()).block()).isZero();
    }

    @Test
    void aCountTheSparseIndexAnswersReadsNoOtherDocument() {
        String everything = DATABASE + ".messages {}";
        String waitingShape = DATABASE + ".messages {outboxSince: {$exists}}";
        long scansBefore = ScanLog.counts().getOrDefault(everything, 0L);

        assertThat(count(Filters.exists("outboxSince"), new CountOptions())).isEqualTo(3);

        assertThat(ScanLog.counts().getOrDefault(everything, 0L)).isEqualTo(scansBefore);
        assertThat(ScanLog.counts()).doesNotContainKey(waitingShape);
    }

    @Test
    void anyOtherPipelineStillRunsTheLibrarysWay() {
        List<Document> queued = Flux.from(messages.aggregate(List.of(Aggregates.match(Filters.eq("status", "QUEUED")),
                Aggregates.project(Projections.include("_id"))))).collectList().block();

        assertThat(queued).extracting(document -> document.getString("_id"))
                .containsExactlyInAnyOrder("m-1", "m-3", "m-5", "m-7", "m-9");
    }

    private long count(org.bson.conversions.Bson filter, CountOptions options) {
        return Mono.from(messages.countDocuments(filter, options)).block();
    }
}
