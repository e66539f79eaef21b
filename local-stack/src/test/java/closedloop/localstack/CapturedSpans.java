package closedloop.localstack;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The spans every application of the whole-stack tests finished, kept in memory: each Spring context of the stack
 * exports to it besides (or instead of) OTLP, through the configuration {@link WholeStack} adds to its
 * {@code spring.main.sources}. Spring Boot hands every {@code SpanExporter} bean to its span processor.
 */
public final class CapturedSpans implements SpanExporter {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final Collection<SpanData> FINISHED = new ConcurrentLinkedQueue<>();

    /** The spans of one trace finished so far, in every application. */
    static List<SpanData> ofTrace(String traceId) {
        return FINISHED.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** How many spans were captured, and the last few, for a failing test's message. */
    static String describe() {
        List<SpanData> all = List.copyOf(FINISHED);
        return all.size() + " spans captured; the last: " + all.subList(Math.max(0, all.size() - 20), all.size())
                .stream().map(span -> service(span) + " " + span.getName() + " " + span.getTraceId()).toList();
    }

    /** The application a span was finished in, by its OpenTelemetry resource ({@code spring.application.name}). */
    static String service(SpanData span) {
        return span.getResource().getAttribute(SERVICE_NAME);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        FINISHED.addAll(spans);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    /** Nothing to release: the spans stay for the tests of the run, whichever context closes first. */
    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** Adds the exporter to an application's context, named in its {@code spring.main.sources}. */
    @Configuration(proxyBeanMethods = false)
    public static class Capture {

        @Bean
        SpanExporter capturedSpans() {
            return new CapturedSpans();
        }
    }
}
