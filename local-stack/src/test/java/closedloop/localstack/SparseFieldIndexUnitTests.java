package closedloop.localstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparseFieldIndexUnitTests {

    private final MVStore store = MVStore.open(null);
    private final SparseFieldIndex index = sparse("outboxSince");

    private SparseFieldIndex sparse(String field) {
        return SparseFieldIndex.of(store, "db.c._index_" + field, field, List.of(new IndexKey(field, true)), true)
                .orElseThrow();
    }

    @Test
    void servesOnlySparseIndexesOnOneTopLevelField() {
        assertThat(SparseFieldIndex.of(store, "m", "a", List.of(new IndexKey("outboxSince", true)), false)).isEmpty();
        assertThat(SparseFieldIndex.of(store, "m", "b", List.of(new IndexKey("claim.until", true)), true)).isEmpty();
        assertThat(SparseFieldIndex.of(store, "m", "c",
                List.of(new IndexKey("partition", true), new IndexKey("nextDueAt", true)), true)).isEmpty();
    }

    @Test
    void answersTheRelaysPendingFilterAndNoOther() {
        Document pending = new Document("outboxSince", new Document("$exists", true))
                .append("$or", List.of(new Document("outboxClaim", new Document("$exists", false))));
        assertThat(index.canHandle(pending)).isTrue();
        assertThat(index.canHandle(new Document("outboxSince", new Document("$exists", 1)))).isTrue();
        assertThat(index.canHandle(new Document("outboxSince", new Document("$exists", false)))).isFalse();
        assertThat(index.canHandle(new Document("outboxSince", new Date()))).isFalse();
        assertThat(index.canHandle(new Document("outboxSince", new Document("$exists", true).append("$lt", 1))))
                .isFalse();
        assertThat(index.canHandle(new Document("status", "OPEN"))).isFalse();
    }

    @Test
    void holdsThePositionsOfTheDocumentsThatHaveTheField() {
        Document exists = new Document("outboxSince", new Document("$exists", true));
        Document plain = new Document("_id", "c-1");
        Document withOutbox = new Document("_id", "c-2").append("outboxSince", new Date());
        Document withNull = new Document("_id", "c-3").append("outboxSince", null);
        index.checkAdd(plain, null);
        index.checkAdd(withOutbox, null);
        index.checkAdd(withNull, null);
        assertThat(index.getPositions(exists)).containsExactlyInAnyOrder("c-2", "c-3");

        Document plainWithOutbox = new Document("_id", "c-1").append("outboxSince", new Date());
        index.checkUpdate(plain, plainWithOutbox, null);
        index.updateInPlace(plain, plainWithOutbox, "c-1", null);
        index.checkUpdate(withOutbox, new Document("_id", "c-2"), null);
        index.updateInPlace(withOutbox, new Document("_id", "c-2"), "c-2", null);
        assertThat(index.getPositions(exists)).containsExactlyInAnyOrder("c-1", "c-3");

        assertThat(index.remove(withNull)).isEqualTo("c-3");
        assertThat(index.remove(new Document("_id", "c-2"))).isNull();
        assertThat(index.getPositions(exists)).containsExactly("c-1");
        assertThat(index.getCount()).isOne();
    }

    @Test
    void answersAPeriodicPassByItsWaitingMarkerWithTheWaitingDocumentsAlone() {
        SparseFieldIndex marker = sparse("awaitingDelivery");
        for (long position = 0; position < 10_000; position++) {
            Document message = new Document("_id", "m-" + position).append("status", "SENT");
            if (position % 2_500 == 0) {
                message.append("status", "PENDING").append("awaitingDelivery", new Date());
            }
            marker.checkAdd(message, null);
        }
        // the delivery pass's filter as Spring Data writes it: the marker first, then the pass's own conditions
        Document due = new Document("awaitingDelivery", new Document("$exists", true))
                .append("status", new Document("$in", List.of("HELD", "PENDING")))
                .append("nextAttemptAt", new Document("$lte", new Date()))
                .append("$or", List.of(new Document("leaseUntil", null),
                        new Document("leaseUntil", new Document("$lt", new Date()))));

        assertThat(marker.canHandle(due)).isTrue();
        assertThat(marker.getPositions(due)).containsExactlyInAnyOrder("m-0", "m-2500", "m-5000", "m-7500");
    }
}
