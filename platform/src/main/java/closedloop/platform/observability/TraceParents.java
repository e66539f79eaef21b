package closedloop.platform.observability;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;

/**
 * The current trace context as a W3C {@code traceparent}, kept with an event in its outbox and made current again when
 * the relay publishes it. The relay publishes later, on a thread of its own, so without it the producer's span, and
 * every span downstream of the record, would start a new trace instead of continuing the request that caused the
 * event (docs/observability.md). Micrometer Tracing's OpenTelemetry bridge keeps the current span in OpenTelemetry's
 * context, which is what this reads and writes; where no span is current it reads nothing and restores nothing.
 */
public final class TraceParents {

    /** The W3C header, also the name the outbox stores it under. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParents() {
    }

    /** The current span's {@code traceparent}, e.g. {@code 00-<trace id>-<span id>-01}; null where none is current. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Makes the span a {@code traceparent} names the parent of whatever starts on this thread until the scope is
     * closed; a null or unreadable one leaves the current context as it is.
     */
    public static Scope restore(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Scope.noop();
        }
        Context parent = W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
        return parent == Context.root() ? Scope.noop() : parent.makeCurrent();
    }
}
