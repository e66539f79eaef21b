package closedloop.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A MongoDB wire-protocol server (mongo-java-server) that keeps its data in one H2 MVStore file and commits every
 * write before it acknowledges it, so that a {@code kill -9} loses nothing a client was told is stored.
 */
public final class DurableMongoServer implements AutoCloseable {

    private final MVStore store;
    private final CommittingBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private DurableMongoServer(Path file, String host, int port, int cacheMegabytes) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString());
        store = (cacheMegabytes > 0 ? builder.cacheSize(cacheMegabytes) : builder).open();
        backend = new CommittingBackend(store);
        server = new MongoServer(backend);
        server.bind(host, port);
        address = server.getLocalAddress();
    }

    /**
     * Opens (or creates) the store file and serves it on the given port (0 picks a free one), with the page cache
     * {@link #cacheMegabytes(Map, long)} gives this JVM.
     */
    public static DurableMongoServer start(Path file, int port) {
        return start(file, port, cacheMegabytes(System.getenv(), Runtime.getRuntime().maxMemory()));
    }

    /**
     * The page cache: {@code CLOSEDLOOP_STORE_CACHE_MB} when set, else a sixteenth of the heap, at least H2's own
     * default (16 MB) and at most {@value #MAX_DEFAULT_CACHE_MB} MB. 16 MB made the loop benchmark read and deserialize
     * pages for 9 % of its CPU with a few thousand complaints stored. The cap is what was measured to hold: documents
     * are counted at their size on the heap ({@link DocumentSizedType}), and with 128 MB reading 150,000 complaints
     * left 276 MB of heap in use; with 256 MB or more, H2 2.3's cache kept every page it read (1.8 GB), so a larger
     * default would run the heap out as the data grows.
     */
    static int cacheMegabytes(Map<String, String> env, long maxHeapBytes) {
        String configured = env.get("CLOSEDLOOP_STORE_CACHE_MB");
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured.strip());
        }
        return (int) Math.min(MAX_DEFAULT_CACHE_MB, Math.max(16, maxHeapBytes / 16 / (1024 * 1024)));
    }

    static final int MAX_DEFAULT_CACHE_MB = 128;

    /**
     * As {@link #start(Path, int)}, with a page cache of {@code cacheMegabytes} (0: H2's default, 16 MB). A store much
     * larger than its cache reads and deserializes pages on nearly every access (benchmarks/, issue 4).
     */
    public static DurableMongoServer start(Path file, int port, int cacheMegabytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new DurableMongoServer(file, "127.0.0.1", port, cacheMegabytes);
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Stops serving and closes the file after a last commit. */
    @Override
    public void close() {
        server.shutdownNow();
        store.close();
    }

    /** The page cache's limit and what it holds, in MB, for tests. */
    long[] cacheMegabytesLimitAndUsed() {
        return new long[] {store.getCacheSize(), store.getCacheSizeUsed()};
    }

    /** How many commits the store has run, for tests. */
    long commits() {
        return backend.commits();
    }

    /** Stops serving and drops the file without a last commit: what a kill -9 leaves behind, for tests. */
    void crash() {
        server.shutdownNow();
        store.closeImmediately();
    }

    /**
     * An H2 backend that commits the store after every command that changes data, before the reply is sent (writes
     * that arrive during a commit share the next), looks documents up by {@code _id} whenever a filter names one
     * ({@link IdFirstCollection}), from a hash map copy of the index ({@link MirroredUniqueIndex}), and keeps the
     * secondary indexes the library ignores in the file ({@link StoredIndex}). It also answers
     * {@code hello} (the handshake newer drivers and Spring Boot's health check send) as {@code isMaster}, which
     * mongo-java-server knows under that older name only.
     */
    static final class CommittingBackend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
                "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

        /** Write commands applied so far; each takes the next number once it is applied. */
        private final AtomicLong writesApplied = new AtomicLong();
        private final Object commitLock = new Object();
        /** The highest write number known to be in a commit (guarded by commitLock). */
        private long writesCommitted;
        private long commits;
        private final OperationCounters operations = new OperationCounters();

        CommittingBackend(MVStore store) {
            super(store);
        }

        /** Databases whose collections answer filters that name an {@code _id} from the {@code _id} index. */
        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IdFirstDatabase(databaseName);
        }

        /**
         * An H2 database whose collections are {@link IdFirstCollection}s and whose unique indexes are
         * {@link MirroredUniqueIndex}es, with the maps named as the library names them ({@code databases.<ns>},
         * {@code meta.<ns>}, {@code <ns>._index_<name>}), so a folder written before stays readable. An inner class:
         * the library opens the existing collections from its constructor, when only the enclosing backend is there
         * to ask for the store.
         */
        final class IdFirstDatabase extends H2Database {

            IdFirstDatabase(String name) {
                super(name, getMvStore(), getCursorRegistry());
            }

            /** The library's unique index (same H2 map, same format) with lookups from a hash map copy. */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                MVMap<KeyValue, Object> map = getMvStore()
                        .openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
                return new MirroredUniqueIndex(map, indexName, keys, sparse);
            }

            /**
             * An index the library would ignore, kept in the file ({@link StoredIndex}): a sparse one on one field as
             * a {@link SparseFieldIndex}, one that is not sparse by its first field as an {@link EqualityIndex}; a
             * sparse compound index the library's way (ignored).
             */
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                               List<IndexKey> keys, boolean sparse) {
                String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
                if (!sparse) {
                    return new EqualityIndex(getMvStore(), mapName, indexName, keys);
                }
                return SparseFieldIndex.of(getMvStore(), mapName, indexName, keys, true)
                        .<Index<Object>>map(index -> index)
                        .orElseGet(() -> super.openOrCreateSecondaryIndex(collectionName, indexName, keys, true));
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(new DocumentSizedType()));
                return new IdFirstCollection(this, collectionName, options, documents,
                        getMvStore().openMap("meta." + namespace), cursorRegistry);
            }
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (command.equalsIgnoreCase("hello")) {
                return super.handleCommand(channel, database, "isMaster", query);
            }
            if (command.equalsIgnoreCase("top")) {
                return operations.top();
            }
            Document reply = countThroughIndexes(database, command, query)
                    .orElseGet(() -> super.handleCommand(channel, database, command, query));
            if (command.equalsIgnoreCase("serverStatus")) {
                reply.put("opcounters", operations.opcounters());
            }
            operations.count(database, command, query);
            if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                commitCovering(writesApplied.incrementAndGet());
            }
            return reply;
        }

        /** The reply to the driver's {@code countDocuments} pipeline, counted by {@link CountAggregate}; else empty. */
        private Optional<Document> countThroughIndexes(String database, String command, Document query) {
            if (!command.equalsIgnoreCase("aggregate")) {
                return Optional.empty();
            }
            String collection = query.get(command).toString();
            return CountAggregate.of(query).map(count -> count.answer(
                    resolveDatabase(database).resolveCollection(collection, false), database + "." + collection));
        }

        /**
         * Returns once a commit that started after the given write was applied has ended (group commit): writes
         * that arrive while a commit runs share the next one instead of committing one by one.
         */
        void commitCovering(long write) {
            synchronized (commitLock) {
                if (writesCommitted >= write) {
                    return;
                }
                long applied = writesApplied.get();
                commit();
                writesCommitted = applied;
                commits++;
            }
        }

        /** How many commits ran, for tests. */
        long commits() {
            synchronized (commitLock) {
                return commits;
            }
        }
    }
}
