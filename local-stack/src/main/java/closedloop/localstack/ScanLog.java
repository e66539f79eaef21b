package closedloop.localstack;

import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The filters the embedded store answers by reading every document of a collection (no index it serves can answer
 * them), by collection and shape (the filter's fields and operators, without values): the first of each shape is
 * logged, and every one is counted, so that a query that would slow down as data grows is seen at once.
 */
final class ScanLog {

    private static final Logger log = LoggerFactory.getLogger(ScanLog.class);
    private static final Map<String, LongAdder> SCANS = new ConcurrentHashMap<>();

    private ScanLog() {
    }

    static void scanned(String namespace, Document query) {
        String key = namespace + " " + shape(query);
        SCANS.computeIfAbsent(key, first -> {
            log.info("Scanning the whole collection for {}", first);
            return new LongAdder();
        }).increment();
    }

    /** How many scans ran, by collection and filter shape. */
    static Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        SCANS.forEach((key, adder) -> counts.put(key, adder.sum()));
        return counts;
    }

    /** The filter's field names and operators, in order, with every value left out. */
    static String shape(Object value) {
        if (value instanceof Document document) {
            StringBuilder shape = new StringBuilder("{");
            document.forEach((field, inner) -> shape.append(shape.length() > 1 ? ", " : "").append(field)
                    .append(inner instanceof Document || inner instanceof java.util.List<?> ? ": " + shape(inner) : ""));
            return shape.append('}').toString();
        }
        if (value instanceof java.util.List<?> list) {
            return list.isEmpty() ? "[]" : "[" + shape(list.get(0)) + (list.size() > 1 ? ", …" : "") + "]";
        }
        return "";
    }
}
