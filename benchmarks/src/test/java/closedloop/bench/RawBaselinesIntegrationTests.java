package closedloop.bench;

import closedloop.localstack.DurableMongoServer;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw store baselines do the work the report says they do, on the embedded default's store. */
class RawBaselinesIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void theOutboxFloorSavesEachCaseAtTheNextVersionWithItsEventAndThenEmptiesTheOutbox() {
        try (DurableMongoServer server = DurableMongoServer.start(folder.resolve("store.mv"), 0);
             MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<Document> cases = client.getDatabase("bench").getCollection("sla_cases");
            List<String> ids = IntStream.range(0, 1_500).mapToObj(i -> "case-" + i).toList();
            Mono.from(cases.insertMany(ids.stream()
                    .map(id -> new Document("_id", id).append("version", 3L).append("outbox", List.of()))
                    .toList())).block();

            RawBaselines.Timed floor = RawBaselines.outboxFloor(cases, ids.subList(0, 1_200), "x".repeat(270));

            assertThat(floor.items()).isEqualTo(1_200);
            List<Document> stored = Flux.from(cases.find()).collectList().block();
            assertThat(stored).filteredOn(document -> document.getLong("version") == 4L).hasSize(1_200);
            assertThat(stored).filteredOn(document -> document.getLong("version") == 3L).hasSize(300);
            assertThat(stored).allSatisfy(document -> {
                assertThat(document.getList("outbox", Object.class)).isEmpty();
                assertThat(document).doesNotContainKey("outboxSince");
            });
        }
    }
}
