package closedloop.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An H2 collection that answers every filter limited to given {@code _id}s ({@code _id: v}, {@code $eq},
 * {@code $in}) from the {@code _id} index. mongo-java-server uses that index only when a plain {@code _id} is the whole
 * filter, so a versioned save ({@code {_id, version}}) or an outbox relay's claim ({@code {_id: {$in: …}, …}})
 * scanned the whole collection: a second per write at a million documents. Here the filter is narrowed to the
 * documents its {@code _id}s name and then matched whole, so the results are the same; any other filter goes the
 * library's way.
 */
final class IdFirstCollection extends H2Collection {

    private static final String ID = "_id";

    IdFirstCollection(MongoDatabase database, String name, CollectionOptions options,
                      MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document projection) {
        Optional<List<Object>> ids = namedIds(query);
        Optional<Index<Object>> idIndex = idIndex();
        boolean libraryUsesTheIndex = query.size() == 1 && !(query.get(ID) instanceof Document);
        if (!libraryUsesTheIndex && ids.isPresent() && idIndex.isPresent()) {
            List<Object> positions = new ArrayList<>();
            for (Object id : ids.get()) {
                idIndex.get().getPositions(new Document(ID, id)).forEach(positions::add);
            }
            return matchDocuments(query, positions, orderBy, skip, limit, batchSize, projection);
        }
        Optional<Index<Object>> narrowest = getIndexes().stream().filter(index -> index.canHandle(query))
                .min(Comparator.comparingInt(IdFirstCollection::breadth));
        if (narrowest.isPresent()) {
            return matchDocuments(query, narrowest.get().getPositions(query), orderBy, skip, limit, batchSize,
                    projection);
        }
        if (!getCollectionName().startsWith("system.")) {
            ScanLog.scanned(getDatabaseName() + "." + getCollectionName(), query);
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
    }

    /**
     * How many documents an index that can answer a filter is expected to read, as a rank: a unique key one, a
     * sparse field (a waiting marker, a pending outbox) the few that wait, an equality every document of a value. The
     * library takes the first index that can answer, in the order they were created.
     */
    static int breadth(Index<Object> index) {
        return index.isUnique() ? 0 : index instanceof SparseFieldIndex ? 1 : 2;
    }

    /**
     * Adds the index. A {@link StoredIndex} that has not been built is built here, in one pass over the documents
     * (the library's build reads them twice), and marked built, so that the library finds it not empty.
     */
    @Override
    public void addIndex(Index<Object> index) {
        boolean known = getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (!known && index instanceof StoredIndex stored && stored.isEmpty()) {
            streamAllDocumentsWithPosition().forEach(each -> stored.checkAdd(each.getDocument(), this));
            stored.markBuilt();
        }
        super.addIndex(index);
    }

    /**
     * The documents at the positions an index gave, matched whole; a position whose document is gone (an entry a
     * crash left behind in a {@link StoredIndex}) is skipped.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int skip,
                                         int limit, int batchSize, Document projection) {
        Stream<Document> documents = StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, projection);
    }

    /**
     * The {@code _id}s a filter is limited to: the one it asks for by equality ({@code _id: v},
     * {@code _id: {$eq: v}}) or the list of {@code _id: {$in: [...]}}; empty for any other filter.
     */
    static Optional<List<Object>> namedIds(Document query) {
        Object value = query.get(ID);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Document condition && condition.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
            if (condition.size() != 1) {
                return Optional.empty();
            }
            if (condition.containsKey("$eq") && condition.get("$eq") != null) {
                return Optional.of(List.of(condition.get("$eq")));
            }
            if (condition.get("$in") instanceof Collection<?> in && in.stream().noneMatch(IdFirstCollection::isPattern)) {
                return Optional.of(in.stream().distinct().map(Object.class::cast).toList());
            }
            return Optional.empty();
        }
        return Optional.of(List.of(value));
    }

    /** An {@code $in} element that is a regular expression matches many ids; such a filter goes the library's way. */
    private static boolean isPattern(Object element) {
        return element == null || element instanceof BsonRegularExpression || element instanceof Pattern;
    }

    private Optional<Index<Object>> idIndex() {
        return getIndexes().stream()
                .filter(index -> index.getKeys().size() == 1)
                .filter(index -> index.getKeys().stream().map(IndexKey::getKey).toList().equals(List.of(ID)))
                .findFirst();
    }
}
