package closedloop.localstack;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's page cache counts a document at about what it takes on the heap, so that the cache holds what
 * its size says; H2's own estimate for a serialised object was a few hundred bytes whatever its size.
 */
class DocumentSizedTypeIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void aDocumentIsCountedByWhatItHolds() {
        Document small = new Document("_id", "c-1").append("status", "OPEN");
        Document large = new Document(small).append("description", "x".repeat(10_000));
        Document wide = new Document(small).append("description", "投诉".repeat(5_000));
        Document nested = new Document(small).append("timeline", IntStream.range(0, 100)
                .mapToObj(i -> new Document("type", "TicketAssigned").append("at", (long) i)).toList());

        assertThat(DocumentSizedType.sizeOf(small)).isBetween(200L, 600L);
        assertThat(DocumentSizedType.sizeOf(large) - DocumentSizedType.sizeOf(small)).isBetween(10_000L, 10_200L);
        assertThat(DocumentSizedType.sizeOf(wide) - DocumentSizedType.sizeOf(small)).isBetween(20_000L, 20_200L);
        assertThat(DocumentSizedType.sizeOf(nested)).isGreaterThan(100 * 200L);
        assertThat(new DocumentSizedType().getMemory(large)).isEqualTo((int) DocumentSizedType.sizeOf(large));
    }

    /** Writes a value as a page would hold it and reads it back. */
    private static Object roundTrip(org.h2.mvstore.type.DataType<Object> writer, DocumentSizedType reader,
                                    Object value) {
        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        writer.write(buffer, value);
        buffer.put((byte) 7); // the next value in the page
        java.nio.ByteBuffer page = buffer.getBuffer().flip();
        Object read = reader.read(page);
        assertThat(page.get()).as("the read stops at the value's end").isEqualTo((byte) 7);
        return read;
    }

    @Test
    void aDocumentIsWrittenAsBsonAndReadBackAsItWasStored() {
        DocumentSizedType type = new DocumentSizedType();
        Document complaint = new Document("_id", "c-1").append("number", 42).append("sequence", 1L << 40)
                .append("score", 2.5).append("vip", true).append("branch", null)
                .append("registeredAt", java.time.Instant.ofEpochMilli(1_700_000_000_123L))
                .append("customer", new Document("phone", "+8613800000001").append("name", "张三"))
                .append("tags", new ArrayList<>(List.of("billing", "repeat")))
                .append("timeline", new ArrayList<>(List.of(new Document("type", "ComplaintRegistered"))))
                .append("token", java.util.UUID.fromString("3f2b8a1c-0000-4000-8000-000000000001"));

        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        type.write(buffer, complaint);
        assertThat(buffer.getBuffer().get(0)).as("the BSON tag").isEqualTo(DocumentSizedType.BSON);
        assertThat(roundTrip(type, type, complaint)).isEqualTo(complaint);
        assertThat(roundTrip(type, type, "not a document")).isEqualTo("not a document");
    }

    @Test
    void readsDocumentsJavaSerialisedBeforeAndSerialisesWhatBsonCannotHold() {
        DocumentSizedType type = new DocumentSizedType();
        Document written = new Document("_id", "c-1").append("status", "OPEN");
        assertThat(roundTrip(new org.h2.mvstore.type.ObjectDataType(), type, written))
                .as("a folder written before").isEqualTo(written);

        Document unencodable = new Document("_id", "c-2").append("when", new java.util.Date(5));
        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        type.write(buffer, unencodable);
        assertThat(buffer.getBuffer().get(0)).isNotEqualTo(DocumentSizedType.BSON);
        assertThat(roundTrip(type, type, unencodable)).isEqualTo(unencodable);
    }

    /** A complaint's timeline: many small entries with the same field names, as the services write them. */
    private static List<org.bson.Document> timeline() {
        return IntStream.range(0, 250).mapToObj(i -> new org.bson.Document("type", "TicketAssigned")
                .append("source", "ticket-router").append("at", new java.util.Date(i)).append("by", "agent-017")
                .append("summary", "assigned")).toList();
    }

    @Test
    void theCacheCountsTheDocumentsItReadAtTheirSizeOnTheHeap() {
        DurableMongoServer server = DurableMongoServer.start(dataDir.resolve("cache.mv"), 0, 16);
        try (MongoClient client = MongoClients.create(server.uri())) {
            MongoCollection<org.bson.Document> complaints = client.getDatabase("closedloop-intake")
                    .getCollection("complaints");
            for (int batch = 0; batch < 2; batch++) {
                List<org.bson.Document> documents = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    documents.add(new org.bson.Document("_id", "c-" + batch + "-" + i).append("timeline",
                            timeline()));
                }
                Mono.from(complaints.insertMany(documents)).block();
            }
            server.close();
            server = DurableMongoServer.start(dataDir.resolve("cache.mv"), 0, 16);
            try (MongoClient again = MongoClients.create(server.uri())) {
                Long read = Flux.from(again.getDatabase("closedloop-intake").getCollection("complaints").find()
                        .batchSize(100)).count().block();

                long[] cache = server.cacheMegabytesLimitAndUsed();
                assertThat(read).isEqualTo(50);
                // 50 documents of about 190 KB on the heap each, 9 MB, all in the cache, counted as such; H2's own
                // estimate (10 KB for a serialised object until it has written one) counted them at 0.5 MB
                assertThat(cache[0]).isEqualTo(16);
                assertThat(cache[1]).isBetween(7L, 12L);
            }
        } finally {
            server.close();
        }
    }
}
