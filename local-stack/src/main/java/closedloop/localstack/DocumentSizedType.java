package closedloop.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * The value type of a collection's map: H2's own {@link ObjectDataType}, except for two things a document needs.
 *
 * <p>Its memory is estimated from what it holds. H2 estimates an object it Java-serialises at twice the running
 * average of everything it has serialised, index keys included: a few hundred bytes to 10 KB for a complaint that
 * takes about 12 KB on the heap. The page cache, counted in those estimates, then held many times its size: with a
 * 128 MB cache, reading 150,000 complaints left 1.9 GB of heap in use (benchmarks/, {@code ./bench-loop-growth}), so
 * the embedded default ran out of heap as its data grew. With this estimate the cache holds what it says.
 *
 * <p>It is written as BSON, with mongo-java-server's own encoder (what it sends the driver), behind a tag H2 does not
 * use, instead of by Java serialisation, which took most of the store's time in writing pages at each commit and in
 * reading them back. A value written before (Java-serialised) is still read, and a document BSON cannot hold (a
 * value of a type it has no encoding for) is Java-serialised as before. BSON keeps dates to the millisecond, as
 * MongoDB does.
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

    /** The tag of a BSON document: one that {@link ObjectDataType} never writes (it uses 0–19, 32–49 and 64–119). */
    static final byte BSON = 126;

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(16 * 1024));

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document)) {
            super.write(buffer, value);
            return;
        }
        ByteBuf bson = ENCODING.get().clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException noEncoding) {
            super.write(buffer, value);
            return;
        }
        buffer.put(BSON).put(bson.nioBuffer(0, bson.writerIndex()));
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return super.read(buffer);
        }
        int start = buffer.position() + 1;
        // BSON's length is little-endian, whatever order the page's buffer reads in
        int length = (buffer.get(start) & 0xff) | (buffer.get(start + 1) & 0xff) << 8
                | (buffer.get(start + 2) & 0xff) << 16 | (buffer.get(start + 3) & 0xff) << 24;
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return document;
    }

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
