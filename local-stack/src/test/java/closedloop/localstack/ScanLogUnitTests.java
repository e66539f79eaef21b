package closedloop.localstack;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanLogUnitTests {

    @Test
    void theShapeKeepsFieldsAndOperatorsAndLeavesOutEveryValue() {
        Document filter = new Document("status", new Document("$in", List.of("HELD", "PENDING")))
                .append("nextAttemptAt", new Document("$lte", 12))
                .append("$or", List.of(new Document("leaseUntil", null), new Document("leaseUntil",
                        new Document("$lt", 3))));

        assertThat(ScanLog.shape(filter))
                .isEqualTo("{status: {$in: [, …]}, nextAttemptAt: {$lte}, $or: [{leaseUntil}, …]}");
    }

    @Test
    void twoFiltersThatDifferOnlyInValuesHaveOneShape() {
        assertThat(ScanLog.shape(new Document("phone", "1").append("category", "BILLING")))
                .isEqualTo(ScanLog.shape(new Document("phone", "2").append("category", "OTHER")));
    }
}
