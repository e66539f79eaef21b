package closedloop.localstack;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.type.ObjectDataType;

import java.util.Collection;
import java.util.Map;

/**
 * The value type of a collection's map: H2's own {@link ObjectDataType} (so the file's format is the library's),
 * except that a document's memory is estimated from what it holds. H2 estimates an object it Java-serialises at twice
 * the running average of everything it has serialised, index keys included: a few hundred bytes to 10 KB for a
 * complaint that takes about 12 KB on the heap. The page cache, counted in those estimates, then held many times its size:
 * with a 128 MB cache, reading 150,000 complaints left 1.9 GB of heap in use (benchmarks/, {@code ./bench-loop-growth}),
 * so the embedded default ran out of heap as its data grew. With this estimate the cache holds what it says.
 */
final class DocumentSizedType extends ObjectDataType {

    /** An object's header with its reference from the owner, on a 64-bit JVM with compressed references. */
    private static final int OBJECT = 16;
    /** A map entry of a {@code LinkedHashMap} (header, hash, key, value, next, before, after) and its table slot. */
    private static final int MAP_ENTRY = 48;
    /** A {@code Document}, its {@code LinkedHashMap} and the map's table header. */
    private static final int DOCUMENT = OBJECT + 56 + 16;
    /** A {@code String}, its byte array's header and its reference. */
    private static final int STRING = 24 + 16 + 4;
    /** An {@code ArrayList}, its array's header. */
    private static final int LIST = 24 + 16;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document document ? (int) Math.min(Integer.MAX_VALUE, sizeOf(document))
                : super.getMemory(value);
    }

    /** About what the value takes on the heap, in bytes. */
    static long sizeOf(Object value) {
        if (value instanceof Document document) {
            long size = DOCUMENT;
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                size += MAP_ENTRY + sizeOf(entry.getKey()) + sizeOf(entry.getValue());
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            // Latin-1 strings take a byte per character, others two
            return STRING + text.length() * (text.chars().allMatch(c -> c < 256) ? 1L : 2L);
        }
        if (value instanceof Collection<?> list) {
            long size = LIST + 4L * list.size();
            for (Object element : list) {
                size += sizeOf(element);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return OBJECT + bytes.length;
        }
        // a boxed number, a date, an id, a boolean (shared), null (nothing)
        return value == null || value instanceof Boolean ? 0 : 2L * OBJECT;
    }
}
