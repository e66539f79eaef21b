package closedloop.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentsUnitTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void readsNothingWhereNoSpanIsCurrent() {
        assertThat(TraceParents.current()).isNull();
    }

    @Test
    void readsTheCurrentSpanAsAW3cTraceparent() {
        SpanContext span = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope current = Context.root().with(Span.wrap(span)).makeCurrent()) {
            assertThat(TraceParents.current()).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
        }
    }

    @Test
    void restoresTheSpanATraceparentNamesUntilTheScopeCloses() {
        try (Scope restored = TraceParents.restore("00-" + TRACE_ID + "-" + SPAN_ID + "-01")) {
            SpanContext current = Span.current().getSpanContext();
            assertThat(current.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(current.getSpanId()).isEqualTo(SPAN_ID);
            assertThat(current.isRemote()).isTrue();
        }
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void restoresNothingForAMissingOrUnreadableTraceparent() {
        try (Scope none = TraceParents.restore(null); Scope unreadable = TraceParents.restore("not-a-traceparent")) {
            assertThat(Span.current().getSpanContext().isValid()).isFalse();
        }
    }
}
