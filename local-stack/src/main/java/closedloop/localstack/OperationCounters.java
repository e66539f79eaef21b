package closedloop.localstack;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The operations the embedded store has served since it started, counted as MongoDB counts them, so that a benchmark
 * reads the loop's write amplification the same way on the embedded default and on real MongoDB (mongo-java-server
 * answers neither): {@code serverStatus.opcounters} (an insert per document, an update or delete per statement, a
 * query per find, a command per other command) and the admin command {@code top} (the same per collection, as
 * {@code insert, update, remove, queries, getmore, commands}, each {@code {time: 0, count}}).
 */
final class OperationCounters {

    private static final List<String> KINDS = List.of("insert", "query", "update", "delete", "getmore", "command");

    private final Counts total = new Counts();
    private final Map<String, Counts> byNamespace = new ConcurrentHashMap<>();

    void count(String database, String name, Document body) {
        String command = name.toLowerCase(Locale.ROOT);
        String kind = switch (command) {
            case "insert", "update", "delete", "getmore" -> command;
            case "find" -> "query";
            default -> "command";
        };
        long statements = switch (command) {
            case "insert" -> sizeOf(body.get("documents"));
            case "update" -> sizeOf(body.get("updates"));
            case "delete" -> sizeOf(body.get("deletes"));
            default -> 1;
        };
        total.add(kind, statements);
        if (body.get(name) instanceof String collection && !kind.equals("getmore")) {
            byNamespace.computeIfAbsent(database + "." + collection, namespace -> new Counts()).add(kind, statements);
        }
    }

    /** As {@code serverStatus.opcounters}: {@code insert, query, update, delete, getmore, command}. */
    Document opcounters() {
        Document counters = new Document();
        KINDS.forEach(kind -> counters.append(kind, total.of(kind)));
        return counters;
    }

    /** As the reply to {@code top}: per namespace, {@code insert, update, remove, queries, getmore, commands}. */
    Document top() {
        Document totals = new Document("note", "all times in microseconds (not measured here: 0)");
        new TreeMap<>(byNamespace).forEach((namespace, counts) -> totals.append(namespace, new Document()
                .append("insert", usage(counts.of("insert")))
                .append("update", usage(counts.of("update")))
                .append("remove", usage(counts.of("delete")))
                .append("queries", usage(counts.of("query")))
                .append("commands", usage(counts.of("command")))));
        return new Document("totals", totals).append("ok", 1.0);
    }

    private static Document usage(long count) {
        return new Document("time", 0L).append("count", count);
    }

    /** Statements in a write command's list; a body that holds none here counts one. */
    private static long sizeOf(Object statements) {
        return statements instanceof List<?> list ? list.size() : 1;
    }

    private static final class Counts {

        private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

        void add(String kind, long statements) {
            byKind.computeIfAbsent(kind, any -> new LongAdder()).add(statements);
        }

        long of(String kind) {
            LongAdder adder = byKind.get(kind);
            return adder == null ? 0 : adder.sum();
        }
    }
}
