package closedloop.bench;

import closedloop.localstack.DurableMongoServer;
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

/** {@code --mongo-uri}: the benchmark measures on an external MongoDB, whose services' databases it empties first. */
class BenchmarkStoreIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void anExternalStoreIsUsedAsGivenWithTheServicesDatabasesDroppedAndNothingElse() {
        try (DurableMongoServer external = DurableMongoServer.start(folder.resolve("external.mv"), 0);
             MongoClient client = MongoClients.create(external.uri())) {
            for (String database : List.of("closedloop-escalation", "closedloop-intake", "someone-else")) {
                Mono.from(client.getDatabase(database).getCollection("left").insertOne(new Document("x", 1))).block();
            }
            BenchmarkOptions options = BenchmarkOptions.parse(
                    new String[] {"--clocks", "100000", "--mongo-uri", external.uri()}, folder);

            try (BenchmarkStore store = BenchmarkStore.open(options.mongoUri(), options.storeCache(),
                    folder.resolve("work"))) {
                assertThat(store.uri()).isEqualTo(external.uri());
                assertThat(store.describe()).contains("--mongo-uri");
                List<String> databases = Flux.from(client.listDatabaseNames()).collectList().block();
                assertThat(databases).contains("someone-else")
                        .doesNotContain("closedloop-escalation", "closedloop-intake");
            }
            assertThat(options.command()).endsWith("--mongo-uri " + external.uri());
            assertThat(folder.resolve("work")).doesNotExist();
        }
    }

    @Test
    void thePasswordInTheUriIsMaskedInTheCommandTheReportShows() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--clocks", "100000", "--mongo-uri",
                "mongodb://bench:s3cr:et@db-1:27017,db-2:27017/?replicaSet=rs0"}, folder);

        assertThat(options.mongoUri()).contains("s3cr:et");
        assertThat(options.command())
                .endsWith("--mongo-uri mongodb://bench:***@db-1:27017,db-2:27017/?replicaSet=rs0")
                .doesNotContain("s3cr");
        assertThat(BenchmarkStore.redacted("mongodb://db-1:27017")).isEqualTo("mongodb://db-1:27017");
    }

    @Test
    void withoutAUriTheEmbeddedStoreIsStartedInTheWorkFolder() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--clocks", "100000"}, folder);

        try (BenchmarkStore store = BenchmarkStore.open(options.mongoUri(), options.storeCache(),
                folder.resolve("work"));
             MongoClient client = MongoClients.create(store.uri())) {
            Mono.from(client.getDatabase("closedloop-escalation").getCollection("sla_cases")
                    .insertOne(new Document("_id", "a"))).block();
            assertThat(store.describe()).contains("DurableMongoServer");
        }
        assertThat(folder.resolve("work/mongo/closedloop.mv")).exists();
    }
}
