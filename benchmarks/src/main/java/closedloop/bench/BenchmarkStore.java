package closedloop.bench;

import closedloop.localstack.DurableMongoServer;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The MongoDB the benchmark measures on: the embedded default's store ({@link DurableMongoServer}, started here and
 * closed at the end), or an external one given by {@code --mongo-uri} (MongoDB 7, the production target), whose
 * services' databases are dropped first so that every run starts empty.
 */
final class BenchmarkStore implements AutoCloseable {

    /** The databases the benchmarked services write, emptied on an external store. */
    static final List<String> DATABASES = List.of("closedloop-escalation", "closedloop-intake");

    private final DurableMongoServer embedded;
    private final String uri;
    private final int storeCache;

    private BenchmarkStore(DurableMongoServer embedded, String uri, int storeCache) {
        this.embedded = embedded;
        this.uri = uri;
        this.storeCache = storeCache;
    }

    /**
     * @param mongoUri   an external MongoDB, or null for the embedded store
     * @param storeCache the embedded store's page cache in MB (0: H2's default of 16 MB, as ./run-local has it)
     * @param work       where the embedded store keeps its file
     */
    static BenchmarkStore open(String mongoUri, int storeCache, Path work) {
        if (mongoUri == null) {
            DurableMongoServer server = DurableMongoServer.start(work.resolve("mongo/closedloop.mv"), 0, storeCache);
            return new BenchmarkStore(server, server.uri(), storeCache);
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (String database : DATABASES) {
                Mono.from(client.getDatabase(database).drop()).block(Duration.ofMinutes(5));
            }
        }
        return new BenchmarkStore(null, mongoUri, storeCache);
    }

    String uri() {
        return uri;
    }

    /** The URI with its password masked, for the console and the report. */
    static String redacted(String uri) {
        return uri.replaceFirst("(://[^:/@]*:)[^@]*@", "$1***@");
    }

    /** What the store is, for the console and the report. */
    String describe() {
        return embedded != null
                ? "the embedded default's store (`DurableMongoServer`: mongo-java-server on an H2 file, committing every "
                        + "write, page cache " + (storeCache == 0 ? "16 MB default" : storeCache + " MB") + ")"
                : "an external MongoDB given by `--mongo-uri` (databases " + String.join(" and ", DATABASES)
                        + " dropped first)";
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
