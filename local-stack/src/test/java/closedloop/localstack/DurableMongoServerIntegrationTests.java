package closedloop.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import java.net.InetSocketAddress;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default's durable MongoDB-wire store on a random port, driven by the real reactive driver: it survives
 * a crash with every acknowledged write, and answers as the library's own backend does.
 */
class DurableMongoServerIntegrationTests {

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

    @Test
    void concurrentWritesShareCommitsAndAllSurviveACrash() {
        Path file = dataDir.resolve("group.mv");
        DurableMongoServer first = DurableMongoServer.start(file, 0);
        int writers = 8;
        int perWriter = 50;
        try (MongoClient client = MongoClients.create(first.uri())) {
            var messages = client.getDatabase("closedloop-notification").getCollection("messages");
            long before = first.commits();
            Flux.range(0, writers * perWriter)
                    .flatMap(i -> Mono.from(messages.insertOne(new Document("_id", "m-" + i).append("n", i))), writers)
                    .blockLast();
            assertThat(first.commits() - before).isPositive().isLessThan(writers * perWriter);
        }
        first.crash();

        DurableMongoServer second = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(second.uri())) {
            var messages = client.getDatabase("closedloop-notification").getCollection("messages");
            assertThat(Mono.from(messages.countDocuments()).block()).isEqualTo((long) writers * perWriter);
        } finally {
            second.close();
        }
    }

    @Test
    void answersFiltersThatNameAnIdExactlyAsTheLibraryDoes() {
        DurableMongoServer durable = DurableMongoServer.start(dataDir.resolve("ids.mv"), 0);
        MongoServer reference = new MongoServer(new MemoryBackend());
        try (MongoClient ours = MongoClients.create(durable.uri());
             MongoClient theirs = MongoClients.create("mongodb://" + hostAndPort(reference.bind()))) {
            var cases = ours.getDatabase("closedloop-escalation").getCollection("sla_cases");
            var expected = theirs.getDatabase("closedloop-escalation").getCollection("sla_cases");
            for (var collection : List.of(cases, expected)) {
                for (int i = 0; i < 30; i++) {
                    Mono.from(collection.insertOne(new Document("_id", "c-" + i).append("version", i % 3)
                            .append("state", i % 2 == 0 ? "RUNNING" : "STOPPED"))).block();
                }
            }
            List<Document> filters = List.of(
                    new Document("_id", "c-7").append("version", 1),
                    new Document("_id", "c-7").append("version", 2),
                    new Document("_id", new Document("$eq", "c-8")).append("state", "RUNNING"),
                    new Document("_id", "missing").append("version", 0),
                    new Document("_id", new Document("$in", List.of("c-1", "c-2", "c-4"))).append("state", "RUNNING"),
                    new Document("_id", new Document("$in", List.of("c-1", "c-2", "missing"))),
                    new Document("_id", new Document("$nin", List.of("c-1", "c-2"))).append("version", 1),
                    new Document("version", 2).append("state", "RUNNING"));
            for (Document filter : filters) {
                // the two backends keep documents in different orders, so only the sets are compared
                assertThat(Flux.from(cases.find(filter)).collectList().block())
                        .as("find %s", filter)
                        .containsExactlyInAnyOrderElementsOf(Flux.from(expected.find(filter)).collectList().block());
            }

            Document versioned = new Document("_id", "c-10").append("version", 1);
            Document bump = new Document("$inc", new Document("version", 1)).append("$set", new Document("state", "FIRED"));
            assertThat(Mono.from(cases.updateOne(versioned, bump)).block().getModifiedCount()).isEqualTo(1);
            assertThat(Mono.from(cases.updateOne(versioned, bump)).block().getModifiedCount()).isZero();
            assertThat(Mono.from(cases.find(new Document("_id", "c-10"))).block())
                    .isEqualTo(new Document("_id", "c-10").append("version", 2).append("state", "FIRED"));
            assertThat(Mono.from(cases.deleteOne(new Document("_id", "c-11").append("version", 0))).block()
                    .getDeletedCount()).isZero();
            assertThat(Mono.from(cases.deleteOne(new Document("_id", "c-11").append("version", 2))).block()
                    .getDeletedCount()).isOne();
            assertThat(Mono.from(cases.countDocuments()).block()).isEqualTo(29);
        } finally {
            durable.close();
            reference.shutdownNow();
        }
    }

    @Test
    void readsAFolderTheLibrarysOwnBackendWrote() {
        Path file = dataDir.resolve("library.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer library = new MongoServer(new H2Backend(store));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(library.bind()))) {
            var tickets = client.getDatabase("closedloop-router").getCollection("tickets");
            Mono.from(tickets.insertOne(new Document("_id", "t-1").append("branch", "LIXIA-01"))).block();
        } finally {
            library.shutdownNow();
            store.close();
        }

        DurableMongoServer durable = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(durable.uri())) {
            var tickets = client.getDatabase("closedloop-router").getCollection("tickets");
            assertThat(Mono.from(tickets.find(new Document("_id", "t-1").append("branch", "LIXIA-01"))).block())
                    .isEqualTo(new Document("_id", "t-1").append("branch", "LIXIA-01"));
        } finally {
            durable.close();
        }
    }

    @Test
    void uniqueIndexesRejectDuplicatesAndFindDocumentsAfterARestart() {
        Path file = dataDir.resolve("unique.mv");
        DurableMongoServer first = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(first.uri())) {
            var complaints = client.getDatabase("closedloop-intake").getCollection("complaints");
            Mono.from(complaints.createIndex(new Document("number", 1), new IndexOptions().unique(true))).block();
            Mono.from(complaints.insertOne(new Document("_id", "c-1").append("number", "TS-1"))).block();
            Mono.from(complaints.insertOne(new Document("_id", "c-2").append("number", "TS-2"))).block();
            Mono.from(complaints.deleteOne(new Document("_id", "c-2"))).block();
            Mono.from(complaints.insertOne(new Document("_id", "c-2").append("number", "TS-2b"))).block();
            assertThatThrownBy(() -> Mono.from(complaints.insertOne(new Document("_id", "c-1"))).block())
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
        first.crash();

        DurableMongoServer second = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(second.uri())) {
            var complaints = client.getDatabase("closedloop-intake").getCollection("complaints");
            assertThat(Mono.from(complaints.find(new Document("_id", "c-2").append("number", "TS-2b"))).block())
                    .isEqualTo(new Document("_id", "c-2").append("number", "TS-2b"));
            assertThat(Mono.from(complaints.find(new Document("number", "TS-1"))).block())
                    .isEqualTo(new Document("_id", "c-1").append("number", "TS-1"));
            assertThatThrownBy(() -> Mono.from(complaints.insertOne(new Document("_id", "c-3").append("number", "TS-1")))
                    .block()).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> Mono.from(complaints.insertOne(new Document("_id", "c-2"))).block())
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(Mono.from(complaints.countDocuments()).block()).isEqualTo(2);
        } finally {
            second.close();
        }
    }

    @Test
    void answersThePendingOutboxFilterFromItsSparseIndexExactlyAsTheLibraryDoesAlsoAfterARestart() {
        Path file = dataDir.resolve("sparse.mv");
        DurableMongoServer durable = DurableMongoServer.start(file, 0);
        MongoServer reference = new MongoServer(new MemoryBackend());
        Document pending = new Document("outboxSince", new Document("$exists", true))
                .append("$or", List.of(new Document("outboxClaim", new Document("$exists", false)),
                        new Document("outboxClaim.until", new Document("$lt", 20))));
        List<Document> expected;
        try (MongoClient ours = MongoClients.create(durable.uri());
             MongoClient theirs = MongoClients.create("mongodb://" + hostAndPort(reference.bind()))) {
            var cases = ours.getDatabase("closedloop-escalation").getCollection("sla_cases");
            var theirCases = theirs.getDatabase("closedloop-escalation").getCollection("sla_cases");
            for (var collection : List.of(cases, theirCases)) {
                Mono.from(collection.createIndex(new Document("outboxSince", 1), new IndexOptions().sparse(true)))
                        .block();
                for (int i = 0; i < 40; i++) {
                    Document document = new Document("_id", "c-" + i).append("n", i);
                    if (i % 3 == 0) {
                        document.append("outboxSince", i);
                    }
                    if (i % 5 == 0) {
                        document.append("outboxClaim", new Document("until", i));
                    }
                    Mono.from(collection.insertOne(document)).block();
                }
                Mono.from(collection.updateMany(new Document("n", new Document("$lt", 10)),
                        new Document("$set", new Document("outboxSince", 99)))).block();
                Mono.from(collection.updateMany(new Document("n", new Document("$gte", 30)),
                        new Document("$unset", new Document("outboxSince", "")))).block();
                Mono.from(collection.deleteOne(new Document("_id", "c-12"))).block();
                Mono.from(collection.updateOne(new Document("_id", "c-13"),
                        new Document("$set", new Document("outboxSince", null)))).block();
            }
            expected = Flux.from(theirCases.find(pending)).collectList().block();
            assertThat(expected).hasSizeGreaterThan(5);
            assertThat(Flux.from(cases.find(pending)).collectList().block())
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(Flux.from(cases.find(new Document("outboxSince", new Document("$exists", true)))).collectList()
                    .block()).containsExactlyInAnyOrderElementsOf(Flux.from(theirCases.find(
                            new Document("outboxSince", new Document("$exists", true)))).collectList().block());
        } finally {
            durable.crash();
            reference.shutdownNow();
        }

        DurableMongoServer reopened = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(reopened.uri())) {
            var cases = client.getDatabase("closedloop-escalation").getCollection("sla_cases");
            assertThat(Flux.from(cases.find(pending)).collectList().block())
                    .containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            reopened.close();
        }
    }

    @Test
    void answersEqualityFiltersFromTheStoredIndexesExactlyAsTheLibraryDoesAlsoAfterARestart() {
        Path file = dataDir.resolve("equality.mv");
        DurableMongoServer durable = DurableMongoServer.start(file, 0);
        MongoServer reference = new MongoServer(new MemoryBackend());
        Document newestFirst = new Document("registeredAt", -1).append("number", -1);
        List<Document> filters = List.of(
                new Document("customer.phone", "p-3"),
                new Document("$and", List.of(new Document("customer.phone", "p-2"), new Document("status", "OPEN"))),
                new Document("status", new Document("$eq", "CLOSED")).append("number", new Document("$gt", 50)),
                new Document("partition", 2L),
                new Document("partition", new Document("$in", List.of(1, 3L))).append("status", new Document("$ne", "OPEN")),
                new Document("customer.phone", "p-missing"));
        List<List<Document>> expected = new java.util.ArrayList<>();
        try (MongoClient ours = MongoClients.create(durable.uri());
             MongoClient theirs = MongoClients.create("mongodb://" + hostAndPort(reference.bind()))) {
            var complaints = ours.getDatabase("closedloop-intake").getCollection("complaints");
            var theirComplaints = theirs.getDatabase("closedloop-intake").getCollection("complaints");
            for (var collection : List.of(complaints, theirComplaints)) {
                for (Document key : List.of(new Document("customer.phone", 1).append("registeredAt", 1).append("number", 1),
                        new Document("status", 1).append("registeredAt", 1), new Document("partition", 1))) {
                    Mono.from(collection.createIndex(key)).block();
                }
                for (int i = 0; i < 120; i++) {
                    Document complaint = new Document("_id", "c-" + i).append("number", i)
                            .append("customer", new Document("phone", "p-" + i % 7))
                            .append("status", i % 3 == 0 ? "OPEN" : "ROUTED").append("partition", i % 4)
                            .append("registeredAt", new java.util.Date(1_000_000L + i % 10 * 1_000L));
                    Mono.from(collection.insertOne(complaint)).block();
                }
                Mono.from(collection.updateMany(new Document("number", new Document("$gte", 40)),
                        new Document("$set", new Document("status", "CLOSED")))).block();
                Mono.from(collection.updateMany(new Document("number", new Document("$lt", 10)),
                        new Document("$unset", new Document("customer", "")))).block();
                Mono.from(collection.updateOne(new Document("_id", "c-100"),
                        new Document("$set", new Document("customer.phone", "p-3")))).block();
                Mono.from(collection.deleteMany(new Document("number", new Document("$in", List.of(17, 24, 31)))))
                        .block();
            }
            for (Document filter : filters) {
                List<Document> theirPage = Flux.from(theirComplaints.find(filter).sort(newestFirst).limit(5))
                        .collectList().block();
                expected.add(theirPage);
                assertThat(Flux.from(complaints.find(filter).sort(newestFirst).limit(5)).collectList().block())
                        .as("%s", filter).containsExactlyElementsOf(theirPage);
                assertThat(Mono.from(complaints.countDocuments(filter)).block()).as("%s", filter)
                        .isEqualTo(Mono.from(theirComplaints.countDocuments(filter)).block());
            }
            assertThat(expected.get(0)).hasSize(5);
            assertThat(expected.get(3)).hasSize(5);
        } finally {
            durable.crash();
            reference.shutdownNow();
        }

        DurableMongoServer reopened = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(reopened.uri())) {
            var complaints = client.getDatabase("closedloop-intake").getCollection("complaints");
            for (int i = 0; i < filters.size(); i++) {
                assertThat(Flux.from(complaints.find(filters.get(i)).sort(newestFirst).limit(5)).collectList().block())
                        .containsExactlyElementsOf(expected.get(i));
            }
        } finally {
            reopened.close();
        }
    }

    @Test
    void opensABuiltIndexAsItIsAndBuildsAgainOneThatWasNeverMarkedBuilt() {
        Path file = dataDir.resolve("built.mv");
        Document open = new Document("status", "OPEN");
        DurableMongoServer first = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(first.uri())) {
            var items = client.getDatabase("closedloop-test").getCollection("items");
            Mono.from(items.insertOne(new Document("_id", "i-1").append("status", "OPEN"))).block();
            Mono.from(items.createIndex(new Document("status", 1))).block();
            Mono.from(items.insertOne(new Document("_id", "i-2").append("status", "OPEN"))).block();
            assertThat(Flux.from(items.find(open)).collectList().block()).hasSize(2);
        } finally {
            first.close();
        }
        String entries = "closedloop-test.items._index_status_1";
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(store.openMap(entries).size()).as("the build and the later insert are in the file").isEqualTo(2);
            store.openMap(entries).clear();
        }

        DurableMongoServer second = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(second.uri())) {
            var items = client.getDatabase("closedloop-test").getCollection("items");
            assertThat(Flux.from(items.find(open)).collectList().block())
                    .as("a start reads the index as it is in the file, without reading the documents").isEmpty();
        } finally {
            second.close();
        }
        try (MVStore store = MVStore.open(file.toString())) {
            store.openMap("closedloop.builtIndexes").remove(entries);
        }

        DurableMongoServer third = DurableMongoServer.start(file, 0);
        try (MongoClient client = MongoClients.create(third.uri())) {
            var items = client.getDatabase("closedloop-test").getCollection("items");
            assertThat(Flux.from(items.find(open)).collectList().block()).extracting(item -> item.get("_id"))
                    .as("an index not marked built (a build a crash interrupted) is built at start")
                    .containsExactlyInAnyOrder("i-1", "i-2");
        } finally {
            third.close();
        }
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
