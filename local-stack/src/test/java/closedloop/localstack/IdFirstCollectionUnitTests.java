package closedloop.localstack;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IdFirstCollectionUnitTests {

    @Test
    void answersFromTheIndexThatReadsTheFewestDocumentsWhateverTheOrderTheyWereCreatedIn() {
        MVStore store = MVStore.open(null);
        Index<Object> unique = new MirroredUniqueIndex(store.openMap("u"), "_id_", List.of(new IndexKey("_id", true)),
                false);
        Index<Object> marker = SparseFieldIndex.of(store, "s", "awaitingDelivery",
                List.of(new IndexKey("awaitingDelivery", true)), true).orElseThrow();
        Index<Object> status = new EqualityIndex(store, "e", "status_nextAttemptAt",
                List.of(new IndexKey("status", true), new IndexKey("nextAttemptAt", true)));

        assertThat(Stream.of(status, marker, unique).sorted(Comparator.comparingInt(IdFirstCollection::breadth)))
                .containsExactly(unique, marker, status);
    }

    @Test
    void findsTheIdAFilterAsksForByEquality() {
        assertThat(IdFirstCollection.namedIds(new Document("_id", "c-1").append("version", 3)))
                .contains(List.of("c-1"));
        assertThat(IdFirstCollection.namedIds(new Document("_id", new Document("$eq", "c-1")))).contains(List.of("c-1"));
        assertThat(IdFirstCollection.namedIds(new Document("_id", new Document("region", "CN"))))
                .contains(List.of(new Document("region", "CN")));
        assertThat(IdFirstCollection.namedIds(new Document("_id", new Document("$in", List.of("a", "b", "a")))))
                .contains(List.of("a", "b"));
    }

    @Test
    void leavesOtherFiltersToTheLibrary() {
        assertThat(IdFirstCollection.namedIds(new Document("version", 3))).isEmpty();
        assertThat(IdFirstCollection.namedIds(new Document("_id", new Document("$nin", List.of("a", "b"))))).isEmpty();
        assertThat(IdFirstCollection.namedIds(new Document("_id", new Document("$gt", "a")))).isEmpty();
        assertThat(IdFirstCollection.namedIds(new Document("_id", new Document("$in",
                List.of(new de.bwaldvogel.mongo.bson.BsonRegularExpression("^c-", "")))))).isEmpty();
        assertThat(IdFirstCollection.namedIds(new Document("_id", new Document("$eq", "a").append("$ne", "b"))))
                .isEmpty();
    }
}
