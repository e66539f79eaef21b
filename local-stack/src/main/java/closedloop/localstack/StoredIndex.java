package closedloop.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A secondary index kept in an H2 map of the store's file, beside the documents, which mongo-java-server does not
 * have: it accepts secondary indexes and ignores them, so every filter but one on {@code _id} or a unique key read the
 * whole collection. Each document is entered under its <em>tokens</em> (what a subclass says it can be found by), one
 * entry per token: the key is the token, a NUL and the document's {@code _id}; the value is the document's position
 * (its {@code _id}: an H2 collection keys its documents by it). A filter the subclass reads a token from is answered by
 * the entries under those tokens; the library then matches the whole filter on those documents, so the results are the
 * library's as long as no document is missing from its tokens. An entry more (for instance after a crash between
 * two steps of a write) costs a look-up and nothing else.
 *
 * <p>Hence the order of a write's steps. New entries are made before the document is written ({@code checkAdd},
 * {@code checkUpdate}) and old ones removed after ({@code updateInPlace}), so that a commit of the store between two
 * steps (H2 also commits in the background) never holds a document its index misses. A delete is the exception:
 * the library removes a document's entries before the document, so a crash between the two would leave a document
 * its index misses. The services delete nothing: their expiring records carry TTL indexes, which mongo-java-server
 * does not apply.
 *
 * <p>An index is built from the documents once, when it is created on a collection that has some, and marked built
 * in the same file; a later start opens it as it is instead of reading every document (a restart on a million
 * complaints took 14 minutes when the index was in memory). A build a crash interrupted is not marked, so it runs
 * again.
 */
abstract class StoredIndex extends Index<Object> {

    private static final String ID = "_id";
    private static final char SEPARATOR = '\0';
    private static final String BUILT_INDEXES = "closedloop.builtIndexes";

    private final MVMap<String, Object> entries;
    private final MVMap<String, Boolean> built;

    StoredIndex(MVStore store, String mapName, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = store.openMap(mapName, new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
        this.built = store.openMap(BUILT_INDEXES);
    }

    /** The tokens a document is found under; an index that is not sparse gives every document at least one. */
    protected abstract Set<String> documentTokens(Document document);

    /**
     * The tokens that together hold every document a filter matches (a document it matches is under at least one of
     * them); empty when the filter does not say.
     */
    protected abstract Optional<Set<String>> filterTokens(Document query);

    /** Marks the index built: it holds every document of its collection and is kept up to date from now on. */
    final void markBuilt() {
        built.put(entries.getName(), Boolean.TRUE);
    }

    /** Empty (and so built from the documents by the library) until it has been built once. */
    @Override
    public final boolean isEmpty() {
        return !built.containsKey(entries.getName());
    }

    @Override
    public final boolean canHandle(Document query) {
        return filterTokens(query).isPresent();
    }

    @Override
    public final Iterable<Object> getPositions(Document query) {
        Set<Object> positions = new LinkedHashSet<>();
        for (String token : filterTokens(query).orElseThrow()) {
            String prefix = token + SEPARATOR;
            Cursor<String, Object> cursor = entries.cursor(prefix);
            while (cursor.hasNext() && cursor.next().startsWith(prefix)) {
                positions.add(cursor.getValue());
            }
        }
        return positions;
    }

    /** None: the {@code _id} index gives a document's position; looking it up here would cost a read per token. */
    @Override
    public final Object getPosition(Document document) {
        return null;
    }

    @Override
    public final void checkAdd(Document document, MongoCollection<Object> collection) {
        enter(documentTokens(document), document);
    }

    /**
     * Nothing: the library calls {@link #checkAdd} first, on every insert and when it builds an index, and the
     * entries are made there, before the document is written.
     */
    @Override
    public final void add(Document document, Object position, MongoCollection<Object> collection) {
    }

    @Override
    public final Object remove(Document document) {
        Object position = null;
        for (String token : documentTokens(document)) {
            Object removed = entries.remove(key(token, document));
            position = removed != null ? removed : position;
        }
        return position;
    }

    @Override
    public final void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        Set<String> added = new HashSet<>(documentTokens(newDocument));
        added.removeAll(documentTokens(oldDocument));
        enter(added, newDocument);
    }

    @Override
    public final void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                    MongoCollection<Object> collection) {
        Set<String> gone = new HashSet<>(documentTokens(oldDocument));
        gone.removeAll(documentTokens(newDocument));
        gone.forEach(token -> entries.remove(key(token, oldDocument)));
    }

    @Override
    public final long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public final long getDataSize() {
        return getCount();
    }

    @Override
    public final void drop() {
        entries.clear();
        built.remove(entries.getName());
    }

    private void enter(Set<String> tokens, Document document) {
        Object id = document.get(ID);
        if (id != null) {
            tokens.forEach(token -> entries.putIfAbsent(key(token, document), id));
        }
    }

    /**
     * The entry's key: the token, a NUL, then the {@code _id}, with its type unless it is a string, so that ids of
     * two types that print alike stay apart.
     */
    private static String key(String token, Document document) {
        Object id = document.get(ID);
        String idKey = id instanceof String text ? "s" + text : id == null ? "" : id.getClass().getSimpleName() + ":" + id;
        return token + SEPARATOR + idKey;
    }
}
