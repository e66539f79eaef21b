package closedloop.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sparse index on one top-level field, kept in memory: the positions of the documents that have the field, by
 * {@code _id}. mongo-java-server accepts secondary indexes and ignores them, so "which documents have a pending
 * outbox" ({@code outboxSince}, which the services declare sparse) was a scan of the whole collection; with this index
 * it reads only those documents. It answers a filter that asks for the field with {@code {$exists: true}}; the whole
 * filter is then matched on those documents, so the results are the library's. The library builds it from the
 * documents when the collection opens and keeps it up to date on every write.
 */
final class SparseFieldIndex extends Index<Object> {

    private static final String ID = "_id";
    private static final String EXISTS = "$exists";

    private final String field;
    private final Map<Object, Object> positionsById = new ConcurrentHashMap<>();

    private SparseFieldIndex(String name, IndexKey key) {
        super(name, List.of(key), true);
        this.field = key.getKey();
    }

    /** This index for a sparse index on one top-level field; empty for any other kind. */
    static Optional<SparseFieldIndex> of(String name, List<IndexKey> keys, boolean sparse) {
        if (!sparse || keys.size() != 1 || keys.get(0).getKey().contains(".")) {
            return Optional.empty();
        }
        return Optional.of(new SparseFieldIndex(name, keys.get(0)));
    }

    @Override
    public boolean canHandle(Document query) {
        return query.get(field) instanceof Document condition && condition.size() == 1
                && condition.containsKey(EXISTS) && Utils.isTrue(condition.get(EXISTS));
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return List.copyOf(positionsById.values());
    }

    @Override
    public Object getPosition(Document document) {
        return positionsById.get(document.get(ID));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // never refuses a document: the index is not unique
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (document.containsKey(field)) {
            positionsById.put(document.get(ID), position);
        }
    }

    @Override
    public Object remove(Document document) {
        return positionsById.remove(document.get(ID));
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // never refuses a change: the index is not unique
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        if (newDocument.containsKey(field)) {
            positionsById.put(newDocument.get(ID), position);
        } else {
            positionsById.remove(oldDocument.get(ID));
        }
    }

    @Override
    public long getCount() {
        return positionsById.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        positionsById.clear();
    }
}
