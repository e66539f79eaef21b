package closedloop.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * The pipeline the driver sends for {@code countDocuments} ({@code $match}, optional {@code $skip} and {@code $limit},
 * then {@code $group {_id: 1, n: {$sum: 1}}}), answered by the collection's count, which filters through its indexes
 * and keeps only the matching ids. mongo-java-server runs every aggregation on a list of the whole collection, so each
 * count (a search's total, the outbox gauge every few seconds) deserialised every document and held them all: with
 * a few hundred thousand complaints stored the embedded default ran out of heap ({@code ./bench-loop-growth}). Any
 * other pipeline goes the library's way.
 *
 * @param filter the {@code $match} stage's filter
 * @param skip   the {@code $skip} stage's value, or 0
 * @param limit  the {@code $limit} stage's value, or 0 for none
 */
record CountAggregate(Document filter, int skip, int limit) {

    /** The count this {@code aggregate} command asks for, when it has the driver's count shape. */
    static Optional<CountAggregate> of(Document command) {
        if (!(command.get("pipeline") instanceof List<?> stages) || stages.size() < 2 || stages.size() > 4
                || !(stages.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document filter) || !isCountGroup(stages.get(stages.size() - 1))) {
            return Optional.empty();
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : stages.subList(1, stages.size() - 1)) {
            if (!(stage instanceof Document middle) || middle.size() != 1) {
                return Optional.empty();
            }
            if (middle.get("$skip") instanceof Number value && skip == 0 && limit == 0) {
                skip = value.intValue();
            } else if (middle.get("$limit") instanceof Number value && limit == 0) {
                limit = value.intValue();
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new CountAggregate(filter, skip, limit));
    }

    /** {@code {$group: {_id: 1, n: {$sum: 1}}}}, as the driver writes it. */
    private static boolean isCountGroup(Object stage) {
        return stage instanceof Document last && last.size() == 1 && last.get("$group") instanceof Document group
                && group.size() == 2 && Integer.valueOf(1).equals(asInteger(group.get("_id")))
                && group.get("n") instanceof Document sum && sum.size() == 1
                && Integer.valueOf(1).equals(asInteger(sum.get("$sum")));
    }

    private static Integer asInteger(Object value) {
        return value instanceof Number number && number.doubleValue() == number.intValue() ? number.intValue() : null;
    }

    /** The command's reply, as MongoDB gives it: one {@code {_id: 1, n}} document, or none when nothing matches. */
    Document answer(MongoCollection<?> collection, String namespace) {
        int count = collection == null ? 0 : collection.count(filter, skip, limit);
        Document cursor = new Document("id", 0L).append("ns", namespace)
                .append("firstBatch", count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count)));
        return new Document("cursor", cursor).append("ok", 1.0);
    }
}
