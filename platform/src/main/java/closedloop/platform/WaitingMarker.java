package closedloop.platform;

import org.springframework.data.mongodb.core.query.Criteria;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A periodic pass reads by a sparse waiting marker (docs/architecture.md §9.19): a document waiting for the pass
 * carries the top-level field {@code field}, present only while it waits and declared {@code @Indexed(sparse = true)},
 * and the pass's query asks for {@link #waiting(String) field: {$exists: true}} beside its own conditions, so that a
 * store serving only sparse one-field indexes (the embedded default's) reads the waiting documents alone instead of the
 * whole collection. The domain object sets and clears the marker in its own state changes ({@link #whileWaiting}), in
 * the same write; the marker is redundant with the state, so the pass's results are the same with or without it.
 * <p>
 * Declare one bean per marker, saying which documents wait by their state ({@code waitingByState}, on stored field
 * names and values): at start {@link WaitingMarkers} sets the marker once on those stored before the marker existed.
 *
 * @param collection     the collection of the documents
 * @param field          the marker, a top-level field
 * @param waitingByState which documents wait for the pass, by their state alone
 */
public record WaitingMarker(String collection, String field, Criteria waitingByState) {

    /** The condition a pass's query starts with: the marker is there. */
    public static Criteria waiting(String field) {
        return where(field).exists(true);
    }

    /**
     * The marker's value after a state change: since when the document waits ({@code since}, or {@code now} when it
     * just started to, or was stored before the marker existed) while {@code waiting}; null, so absent, when not.
     */
    public static Instant whileWaiting(boolean waiting, Instant since, Instant now) {
        if (!waiting) {
            return null;
        }
        return since != null ? since : now;
    }
}
