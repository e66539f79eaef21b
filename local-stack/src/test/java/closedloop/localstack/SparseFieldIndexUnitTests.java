package closedloop.localstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparseFieldIndexUnitTests {

    private final SparseFieldIndex index = SparseFieldIndex
            .of("outboxSince", List.of(new IndexKey("outboxSince", true)), true).orElseThrow();

    @Test
    void servesOnlySparseIndexesOnOneTopLevelField() {
        assertThat(SparseFieldIndex.of("a", List.of(new IndexKey("outboxSince", true)), false)).isEmpty();
        assertThat(SparseFieldIndex.of("b", List.of(new IndexKey("claim.until", true)), true)).isEmpty();
        assertThat(SparseFieldIndex.of("c", List.of(new IndexKey("partition", true), new IndexKey("nextDueAt", true)),
                true)).isEmpty();
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
        Document plain = new Document("_id", "c-1");
        Document withOutbox = new Document("_id", "c-2").append("outboxSince", new Date());
        Document withNull = new Document("_id", "c-3").append("outboxSince", null);
        index.add(plain, 1L, null);
        index.add(withOutbox, 2L, null);
        index.add(withNull, 3L, null);
        assertThat(index.getPositions(new Document())).containsExactlyInAnyOrder(2L, 3L);

        index.updateInPlace(plain, new Document("_id", "c-1").append("outboxSince", new Date()), 1L, null);
        index.updateInPlace(withOutbox, new Document("_id", "c-2"), 2L, null);
        assertThat(index.getPositions(new Document())).containsExactlyInAnyOrder(1L, 3L);

        assertThat(index.remove(withNull)).isEqualTo(3L);
        assertThat(index.remove(new Document("_id", "c-2"))).isNull();
        assertThat(index.getPositions(new Document())).containsExactly(1L);
        assertThat(index.getCount()).isOne();
    }

    @Test
    void answersAPeriodicPassByItsWaitingMarkerWithTheWaitingDocumentsAlone() {
        SparseFieldIndex marker = SparseFieldIndex
                .of("awaitingDelivery", List.of(new IndexKey("awaitingDelivery", true)), true).orElseThrow();
        for (long position = 0; position < 10_000; position++) {
            Document message = new Document("_id", "m-" + position).append("status", "SENT");
            if (position % 2_500 == 0) {
                message.append("status", "PENDING").append("awaitingDelivery", new Date());
            }
            marker.add(message, position, null);
        }
        // the delivery pass's filter as Spring Data writes it: the marker first, then the pass's own conditions
        Document due = new Document("awaitingDelivery", new Document("$exists", true))
                .append("status", new Document("$in", List.of("HELD", "PENDING")))
                .append("nextAttemptAt", new Document("$lte", new Date()))
                .append("$or", List.of(new Document("leaseUntil", null),
                        new Document("leaseUntil", new Document("$lt", new Date()))));

        assertThat(marker.canHandle(due)).isTrue();
        assertThat(marker.getPositions(due)).containsExactlyInAnyOrder(0L, 2_500L, 5_000L, 7_500L);
    }
}
