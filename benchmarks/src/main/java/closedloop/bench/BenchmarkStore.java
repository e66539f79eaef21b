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

    private BenchmarkStore(DurableMongoServer embedded, String uri) {
        this.embedded = embedded;
        this.uri = uri;
    }

    static BenchmarkStore open(BenchmarkOptions options, Path work) {
        if (options.mongoUri() == null) {
            DurableMongoServer server = DurableMongoServer.start(work.resolve("mongo/closedloop.mv"), 0,
                    options.storeCache());
            return new BenchmarkStore(server, server.uri());
        }
        try (MongoClient client = MongoClients.create(options.mongoUri())) {
            for (String database : DATABASES) {
                Mono.from(client.getDatabase(database).drop()).block(Duration.ofMinutes(5));
            }
        }
        return new BenchmarkStore(null, options.mongoUri());
    }

    String uri() {
        return uri;
    }

    /** The URI with its password masked, for the console and the report. */
    static String redacted(String uri) {
        return uri.replaceFirst("(://[^:/@]*:)[^@]*@", "$1***@");
    }

    /** What the store is, for the console and the report. */
    String describe(BenchmarkOptions options) {
        return embedded != null
                ? "the embedded default's store (`DurableMongoServer`: mongo-java-server on an H2 file, committing every "
                        + "write, page cache " + (options.storeCache() == 0 ? "16 MB default" : options.storeCache()
                        + " MB") + ")"
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
