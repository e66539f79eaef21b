package closedloop.localstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first field of a declared index that is neither unique nor sparse, answering a filter that asks for given
 * values of it: {@code field: v}, {@code field: {$eq: v}} or {@code field: {$in: [v, …]}}, on its own, beside other
 * conditions or inside a top-level {@code $and}, for string, number, date or boolean values. So a search by phone reads that customer's complaints
 * (by the {@code customer.phone} of {@code by_phone_newest}) and a partition's clocks are loaded by {@code partition},
 * where the library read every document: 100 s for a search at a million complaints, holding the collection.
 *
 * <p>A document is found under each value the field has (each element of an array, as MongoDB matches them), numbers
 * of any type by their value; a document whose field has none of those types (missing, null, a subdocument) under a
 * token no filter asks for, so that every document has an entry. The rest of the index's fields (the sort on
 * {@code registeredAt}, say) are not used: the documents of that one value are read and sorted, as MongoDB would for
 * an index on the field alone.
 */
final class EqualityIndex extends StoredIndex {

    private static final String NO_VALUE = "-";
    private static final String EQ = "$eq";
    private static final String IN = "$in";
    private static final String AND = "$and";

    private final String field;

    EqualityIndex(MVStore store, String mapName, String name, List<IndexKey> keys) {
        super(store, mapName, name, keys, false);
        this.field = keys.get(0).getKey();
    }

    @Override
    protected Set<String> documentTokens(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        Set<String> tokens = new HashSet<>();
        if (value instanceof Collection<?> values) {
            values.forEach(element -> valueToken(element).ifPresent(tokens::add));
        } else {
            valueToken(value).ifPresent(tokens::add);
        }
        if (tokens.isEmpty()) {
            tokens.add(NO_VALUE);
        }
        return tokens;
    }

    @Override
    protected Optional<Set<String>> filterTokens(Document query) {
        if (query.containsKey(field)) {
            Optional<Set<String>> tokens = conditionTokens(query.get(field));
            if (tokens.isPresent()) {
                return tokens;
            }
        }
        if (query.get(AND) instanceof List<?> all) {
            return all.stream().filter(Document.class::isInstance).map(Document.class::cast).map(this::filterTokens)
                    .flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    /** The tokens of {@code v}, {@code {$eq: v}} or {@code {$in: [v, …]}}, if each value has one. */
    private static Optional<Set<String>> conditionTokens(Object condition) {
        if (!(condition instanceof Document operators)) {
            return valueToken(condition).map(Set::of);
        }
        if (operators.size() != 1) {
            return Optional.empty();
        }
        if (operators.containsKey(EQ)) {
            return valueToken(operators.get(EQ)).map(Set::of);
        }
        if (operators.get(IN) instanceof Collection<?> values) {
            Set<String> tokens = new HashSet<>();
            for (Object value : values) {
                Optional<String> token = valueToken(value);
                if (token.isEmpty()) {
                    return Optional.empty();
                }
                tokens.add(token.get());
            }
            return Optional.of(tokens);
        }
        return Optional.empty();
    }

    /** A value's token: its type's letter and the value; numbers compare by value, whatever their type. */
    static Optional<String> valueToken(Object value) {
        if (value instanceof String text) {
            return Optional.of("s" + text);
        }
        if (value instanceof Boolean flag) {
            return Optional.of("b" + flag);
        }
        if (value instanceof Instant instant) {
            return Optional.of("d" + instant.toEpochMilli());
        }
        if (value instanceof Date date) {
            return Optional.of("d" + date.getTime());
        }
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            if (value instanceof Long whole && (long) asDouble != whole) {
                return Optional.of("n" + whole);
            }
            return Optional.of("n" + (asDouble == 0 ? 0.0 : asDouble));
        }
        return Optional.empty();
    }
}
