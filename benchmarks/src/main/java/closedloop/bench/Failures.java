package closedloop.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests that did not get the answer expected, counted by what they got instead: another status, or no answer. */
final class Failures {

    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    void answered(int status) {
        add("answered " + status);
    }

    void unanswered(Throwable error) {
        Throwable cause = error.getCause() != null && error.getClass().getSimpleName().equals("CompletionException")
                ? error.getCause() : error;
        add("no answer (" + cause.getClass().getSimpleName() + ")");
    }

    long total() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** E.g. {@code 12 answered 401, 3 no answer (HttpTimeoutException)}; "none" when there were none. */
    String describe() {
        Map<String, Long> sorted = new TreeMap<>();
        byKind.forEach((kind, count) -> sorted.put(kind, count.sum()));
        if (sorted.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        sorted.forEach((kind, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d %s", count, kind)));
        return text.toString();
    }

    private void add(String kind) {
        byKind.computeIfAbsent(kind, any -> new LongAdder()).increment();
    }
}
