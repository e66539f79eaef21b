package closedloop.localstack;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DurableMongoServerTests {

    @TempDir
    Path dataDir;

    @Test
    void answersTheHelloHandshakeThatDriversAndHealthChecksSend() {
        DurableMongoServer server = DurableMongoServer.start(dataDir.resolve("hello.mv"), 0);
        try (MongoClient client = MongoClients.create(server.uri())) {
            Document hello = Mono.from(client.getDatabase("closedloop-intake").runCommand(new Document("hello", 1))).block();
            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
        } finally {
            server.close();
        }
    }

    @Test
    void keepsEveryAcknowledgedWriteWhenTheProcessDiesWithoutClosing() {
        Path file = dataDir.resolve("closedloop.mv");
        DurableMongoServer first = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(first.uri())) {
            var complaints = client.getDatabase("closedloop-intake").getCollection("complaints");
            for (int i = 0; i < 20; i++) {
                Mono.from(complaints.insertOne(new Document("_id", "c-" + i).append("number", i))).block();
            }
            Mono.from(complaints.updateOne(new Document("_id", "c-3"),
                    new Document("$set", new Document("status", "CLOSED")))).block();
        }
        first.crash();

        DurableMongoServer second = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(second.uri())) {
            var complaints = client.getDatabase("closedloop-intake").getCollection("complaints");
            List<Document> found = Flux.from(complaints.find()).collectList().block();
            assertThat(found).hasSize(20);
            assertThat(found).filteredOn(document -> "c-3".equals(document.get("_id")))
                    .singleElement().extracting(document -> document.get("status")).isEqualTo("CLOSED");
        } finally {
            second.close();
        }
    }
}
