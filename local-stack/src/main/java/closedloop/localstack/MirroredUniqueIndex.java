package closedloop.localstack;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index kept in its H2 map, as the library keeps it, with a copy of its entries in a hash map that answers
 * every lookup. The library's index looks up in the H2 map, which orders its keys by comparing their Java
 * serialisations (they are not {@code Comparable}) under the index's monitor: about twenty serialisations per lookup
 * of an {@code _id}, one lookup at a time for the whole collection. The copy is read from the map when the collection
 * opens and changed with it, so the file stays the library's format.
 */
final class MirroredUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> stored;
    private final Map<KeyValue, Object> lookup = new ConcurrentHashMap<>();

    MirroredUniqueIndex(MVMap<KeyValue, Object> stored, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.stored = stored;
        stored.entrySet().forEach(entry -> lookup.put(entry.getKey(), entry.getValue()));
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        lookup.remove(keyValue);
        return stored.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        Object value = Missing.ofNullable(position);
        if (stored.putIfAbsent(keyValue, value) != null) {
            return false;
        }
        lookup.put(keyValue, value);
        return true;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return stored.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return lookup.get(keyValue);
    }

    @Override
    public long getCount() {
        return stored.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
