package closedloop.localstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EqualityIndexUnitTests {

    private final MVStore store = MVStore.open(null);

    private EqualityIndex index(String... fields) {
        return new EqualityIndex(store, "db.c._index_" + String.join("_", fields), String.join("_", fields),
                java.util.Arrays.stream(fields).map(field -> new IndexKey(field, true)).toList());
    }

    @Test
    void answersOneValueOfItsFirstFieldAloneBesideOtherConditionsOrInsideAnd() {
        EqualityIndex phone = index("customer.phone", "registeredAt", "number");

        assertThat(phone.canHandle(new Document("customer.phone", "+8613800000001"))).isTrue();
        assertThat(phone.canHandle(new Document("customer.phone", new Document("$eq", "+8613800000001")))).isTrue();
        assertThat(phone.canHandle(new Document("status", "OPEN").append("customer.phone", "+86138")))
                .isTrue();
        // a search as Spring Data writes it: every criterion inside one $and
        assertThat(phone.canHandle(new Document("$and", List.of(new Document("status", "OPEN"),
                new Document("customer.phone", "+86138"))))).isTrue();

        assertThat(phone.canHandle(new Document("registeredAt", new Date()))).isFalse();
        assertThat(phone.canHandle(new Document("customer.phone", new Document("$in", List.of("a", "b"))))).isTrue();
        assertThat(phone.canHandle(new Document("customer.phone", new Document("$in",
                List.of("a", Pattern.compile("^b")))))).isFalse();
        assertThat(phone.canHandle(new Document("customer.phone", new Document("$in", java.util.Arrays.asList("a", null)))))
                .isFalse();
        assertThat(phone.canHandle(new Document("customer.phone", new Document("$ne", "a")))).isFalse();
        assertThat(phone.canHandle(new Document("customer.phone", Pattern.compile("^\\+86")))).isFalse();
        assertThat(phone.canHandle(new Document("customer.phone", null))).isFalse();
        assertThat(phone.canHandle(new Document("$or", List.of(new Document("customer.phone", "a"))))).isFalse();
    }

    @Test
    void findsADocumentUnderEachValueItsFieldHas() {
        EqualityIndex phone = index("customer.phone");
        phone.checkAdd(new Document("_id", "c-1").append("customer", new Document("phone", "111")), null);
        phone.checkAdd(new Document("_id", "c-2").append("customer", new Document("phone", "222")), null);
        phone.checkAdd(new Document("_id", "c-3").append("customer", List.of(new Document("phone", "111"),
                new Document("phone", "333"))), null);
        phone.checkAdd(new Document("_id", "c-4"), null);
        phone.checkAdd(new Document("_id", "c-5").append("customer", new Document("phone", "1111")), null);

        assertThat(phone.getPositions(new Document("customer.phone", "111"))).containsExactlyInAnyOrder("c-1", "c-3");
        assertThat(phone.getPositions(new Document("customer.phone", "333"))).containsExactly("c-3");
        assertThat(phone.getPositions(new Document("customer.phone", "444"))).isEmpty();
        assertThat(phone.getCount()).as("every document has an entry, one per value").isEqualTo(6);
    }

    @Test
    void comparesNumbersByValueWhateverTheirTypeAndKeepsTypesApart() {
        EqualityIndex partition = index("partition", "nextDueAt");
        partition.checkAdd(new Document("_id", 1).append("partition", 3), null);
        partition.checkAdd(new Document("_id", 2).append("partition", 3L), null);
        partition.checkAdd(new Document("_id", 3).append("partition", 3.0), null);
        partition.checkAdd(new Document("_id", 4).append("partition", "3"), null);
        partition.checkAdd(new Document("_id", "1").append("partition", 3), null);

        assertThat(partition.getPositions(new Document("partition", 3))).containsExactlyInAnyOrder(1, 2, 3, "1");
        assertThat(partition.getPositions(new Document("partition", "3"))).containsExactly(4);
        partition.checkAdd(new Document("_id", 6).append("partition", List.of(3, 5)), null);
        // the clocks of the partitions assigned, as escalation-service loads them
        assertThat(partition.getPositions(new Document("partition", new Document("$in", List.of(5, 3, 7)))
                .append("nextDueAt", new Document("$ne", null))))
                .as("each document once, though it has two of the values").containsExactlyInAnyOrder(1, 2, 3, "1", 6);
        assertThat(EqualityIndex.valueToken(Instant.ofEpochMilli(5))).isEqualTo(EqualityIndex.valueToken(new Date(5)));
        assertThat(EqualityIndex.valueToken(-0.0)).isEqualTo(EqualityIndex.valueToken(0));
        assertThat(EqualityIndex.valueToken((1L << 53) + 1)).isNotEqualTo(EqualityIndex.valueToken((1L << 53) + 2));
    }

    @Test
    void movesADocumentWhenItsValueChangesAndForgetsItWhenRemoved() {
        EqualityIndex status = index("status", "registeredAt");
        Document open = new Document("_id", "c-1").append("status", "OPEN");
        Document closed = new Document("_id", "c-1").append("status", "CLOSED");
        status.checkAdd(open, null);

        status.checkUpdate(open, closed, null);
        assertThat(status.getPositions(new Document("status", "OPEN")))
                .as("the new entry is made before the document is written, the old one removed after").contains("c-1");
        status.updateInPlace(open, closed, "c-1", null);
        assertThat(status.getPositions(new Document("status", "OPEN"))).isEmpty();
        assertThat(status.getPositions(new Document("status", "CLOSED"))).containsExactly("c-1");

        Document withoutStatus = new Document("_id", "c-2");
        status.checkAdd(withoutStatus, null);
        assertThat(status.remove(withoutStatus)).as("a document without the field has an entry too").isEqualTo("c-2");
        assertThat(status.remove(closed)).isEqualTo("c-1");
        assertThat(status.getCount()).isZero();
    }
}
