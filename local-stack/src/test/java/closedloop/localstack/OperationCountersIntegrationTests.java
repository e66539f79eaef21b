package closedloop.localstack;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store answers {@code serverStatus.opcounters} and {@code top} as MongoDB counts them, so that the loop
 * benchmark reads the write amplification the same way here and on real MongoDB; and it counts the filters it can
 * only answer by reading a whole collection.
 */
class OperationCountersIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void countsEachDocumentInsertedEachStatementAndEachCommandOverallAndPerCollection() {
        DurableMongoServer server = DurableMongoServer.start(dataDir.resolve("counters.mv"), 0);
        try (MongoClient client = MongoClients.create(server.uri())) {
            Document before = opcounters(client);
            MongoCollection<Document> tickets = client.getDatabase("closedloop-router").getCollection("tickets");
            Mono.from(tickets.insertMany(List.of(new Document("_id", "t-1"), new Document("_id", "t-2"),
                    new Document("_id", "t-3")))).block();
            Mono.from(tickets.updateOne(new Document("_id", "t-1"), new Document("$set", new Document("s", 1))))
                    .block();
            Mono.from(tickets.updateMany(new Document(), new Document("$set", new Document("s", 2)))).block();
            Mono.from(tickets.deleteOne(new Document("_id", "t-3"))).block();
            Flux.from(tickets.find(new Document("_id", "t-2"))).collectList().block();
            Mono.from(tickets.findOneAndUpdate(new Document("_id", "t-2"), new Document("$inc",
                    new Document("n", 1)))).block();

            Document after = opcounters(client);
            assertThat(after.getLong("insert") - before.getLong("insert")).isEqualTo(3);
            assertThat(after.getLong("update") - before.getLong("update")).isEqualTo(2);
            assertThat(after.getLong("delete") - before.getLong("delete")).isEqualTo(1);
            assertThat(after.getLong("query") - before.getLong("query")).isEqualTo(1);

            Document usage = Mono.from(client.getDatabase("admin").runCommand(new Document("top", 1))).block()
                    .get("totals", Document.class).get("closedloop-router.tickets", Document.class);
            assertThat(count(usage, "insert")).isEqualTo(3);
            assertThat(count(usage, "update")).isEqualTo(2);
            assertThat(count(usage, "remove")).isEqualTo(1);
            assertThat(count(usage, "queries")).isEqualTo(1);
            assertThat(count(usage, "commands")).isEqualTo(1);
        } finally {
            server.close();
        }
    }

    @Test
    void countsAFilterNoIndexAnswersAsAScanOfItsShapeAndAnIdLookupAsNone() {
        DurableMongoServer server = DurableMongoServer.start(dataDir.resolve("scans.mv"), 0);
        try (MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> complaints = client.getDatabase("closedloop-scan").getCollection("complaints");
            Mono.from(complaints.insertOne(new Document("_id", "c-1").append("phone", "13900000001")
                    .append("registeredAt", 5))).block();
            String shape = "closedloop-scan.complaints {phone, registeredAt: {$gte}}";
            long before = ScanLog.counts().getOrDefault(shape, 0L);

            Flux.from(complaints.find(new Document("phone", "13900000001")
                    .append("registeredAt", new Document("$gte", 1)))).collectList().block();
            Flux.from(complaints.find(new Document("_id", "c-1"))).collectList().block();

            assertThat(ScanLog.counts()).containsEntry(shape, before + 1);
            assertThat(ScanLog.counts().keySet()).noneMatch(key -> key.startsWith("closedloop-scan.complaints {_id"));
        } finally {
            server.close();
        }
    }

    private static Document opcounters(MongoClient client) {
        return Mono.from(client.getDatabase("admin").runCommand(new Document("serverStatus", 1))).block()
                .get("opcounters", Document.class);
    }

    private static long count(Document usage, String kind) {
        return ((Number) usage.get(kind, Document.class).get("count")).longValue();
    }
}
