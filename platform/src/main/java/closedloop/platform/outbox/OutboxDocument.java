package closedloop.platform.outbox;

import closedloop.contracts.ClosedLoopEvent;
import closedloop.platform.events.CloudEvents.OutgoingEvent;
import closedloop.platform.observability.TraceParents;
import org.springframework.data.mongodb.core.index.Indexed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An aggregate whose events ride in its own document (the outbox), so that a state change and the events it causes
 * are one MongoDB write. The {@link OutboxRelay} publishes them and removes them from the document.
 */
public abstract class OutboxDocument {

    private List<OutgoingEvent> outbox = new ArrayList<>();

    /** When the oldest unpublished event was recorded; absent when there is none (a sparse index finds the rest). */
    @Indexed(sparse = true)
    private java.time.Instant outboxSince;

    /**
     * Records an event caused by the state change being made; it is saved with the state and published after, in the
     * trace of the request or record being handled.
     */
    protected void record(ClosedLoopEvent event) {
        outbox.add(OutgoingEvent.of(event).tracedFrom(TraceParents.current()));
        if (outboxSince == null) {
            outboxSince = event.occurredAt();
        }
    }

    public List<OutgoingEvent> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
