package closedloop.localstack;

import closedloop.testsupport.FreePorts;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One embedded default for every whole-stack test of a run (the end-to-end tests over HTTP and the console's browser
 * tests), as {@code ./run-local} starts it but on free ports and in a fresh folder, started by the first test that
 * asks for it and stopped when the run ends. One, because closing a stack disposes the Netty event loops every
 * Spring context in the JVM shares: a second stack closed early would take the first one down with it. Billing and the other
 * categories keep their default time limits; network-quality complaints must be resolved within
 * {@value #NETWORK_QUALITY_RESOLVE}, so that a test sees a warning and a breach within seconds.
 */
public final class WholeStack implements ParameterResolver {

    public static final String NETWORK_QUALITY_RESOLVE = "PT6S";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WholeStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(start()), Running.class).stack();
    }

    private static LocalStack start() {
        return LocalStack.start(new LocalStackSettings(freshFolder(), FreePorts.next(), FreePorts.next(), 0, 0, 0,
                Map.of(), Map.ofEntries(
                Map.entry("closedloop.sla.network-quality.resolve", NETWORK_QUALITY_RESOLVE),
                Map.entry("closedloop.escalation.scan-interval", "PT0.2S"),
                // every periodic pass runs often, so that a test can wait for a few more passes of each
                Map.entry("closedloop.calendar.refresh-interval", "PT0.5S"),
                Map.entry("closedloop.kafka.relay-interval", "PT0.2S"),
                // an SMS the gateway refused is tried again after 2 s, not 30: a test waits out an outage's retry
                Map.entry("closedloop.notification.delivery.backoff.initial", "PT2S"),
                // a line per request, so that the log scan sees what an access log would show
                Map.entry("closedloop.access-log", "true"),
                // every application's finished spans kept in memory, for the trace test
                Map.entry("spring.main.sources", CapturedSpans.Capture.class.getName()),
                // the stack runs on the real clock: no quiet hours, so that customer SMS leave at any hour
                Map.entry("closedloop.notification.quiet-hours.start", "00:00"),
                Map.entry("closedloop.notification.quiet-hours.end", "00:00"),
                // the tests' few demo users work faster than any person: the limits stay on, raised
                Map.entry("closedloop.rate-limits.changes-per-minute", "6000"),
                Map.entry("closedloop.rate-limits.paths[0].method", "POST"),
                Map.entry("closedloop.rate-limits.paths[0].pattern", "/api/v1/complaints"),
                Map.entry("closedloop.rate-limits.paths[0].per-minute", "3000"))));
    }

    private static Path freshFolder() {
        try {
            return Files.createTempDirectory("closedloop-console-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack in JUnit's root store, which closes it when the run ends. */
    private record Running(LocalStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
