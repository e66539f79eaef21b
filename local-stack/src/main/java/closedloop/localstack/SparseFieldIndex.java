package closedloop.localstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sparse index on one top-level field: the documents that have the field, answering a filter that asks for it with
 * {@code {$exists: true}} (beside any other conditions). So "which documents have a pending outbox"
 * ({@code outboxSince}) and the periodic passes' waiting markers read only those documents, where the library read the
 * whole collection (§9.19 of docs/architecture.md).
 */
final class SparseFieldIndex extends StoredIndex {

    private static final String EXISTS = "$exists";
    private static final String HAS_FIELD = "";

    private final String field;

    private SparseFieldIndex(MVStore store, String mapName, String name, IndexKey key) {
        super(store, mapName, name, List.of(key), true);
        this.field = key.getKey();
    }

    /** This index for a sparse index on one top-level field; empty for any other kind. */
    static Optional<SparseFieldIndex> of(MVStore store, String mapName, String name, List<IndexKey> keys,
                                         boolean sparse) {
        if (!sparse || keys.size() != 1 || keys.get(0).getKey().contains(".")) {
            return Optional.empty();
        }
        return Optional.of(new SparseFieldIndex(store, mapName, name, keys.get(0)));
    }

    @Override
    protected Set<String> documentTokens(Document document) {
        Set<String> tokens = new HashSet<>();
        if (document.containsKey(field)) {
            tokens.add(HAS_FIELD);
        }
        return tokens;
    }

    @Override
    protected Optional<Set<String>> filterTokens(Document query) {
        return query.get(field) instanceof Document condition && condition.size() == 1
                && condition.containsKey(EXISTS) && Utils.isTrue(condition.get(EXISTS))
                ? Optional.of(Set.of(HAS_FIELD)) : Optional.empty();
    }
}
