package closedloop.platform.observability;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.slf4j.MDC;
import reactor.util.context.Context;

import java.util.Map;

/**
 * The complaint id on every log line written while one complaint's record or a request about it is handled, as the
 * MDC key {@value #KEY} (next to Boot's {@code traceId} and {@code spanId}): the structured (ECS) lines carry it as a
 * field.
 * The key is registered with Micrometer's context propagation, so that it follows the handler's reactive pipeline onto
 * the store driver's threads, as the trace does ({@code spring.reactor.context-propagation=auto}). Never a phone
 * number or a name: the complaint id is what an operator looks a complaint up by.
 */
public final class ComplaintIdInLogs {

    public static final String KEY = "complaintId";

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(KEY));
    }

    private ComplaintIdInLogs() {
    }

    /**
     * The Reactor context that puts the complaint id in the MDC of every operator of a pipeline it is written to,
     * whatever thread it runs on.
     */
    public static Context context(String complaintId) {
        return Context.of(Slf4jThreadLocalAccessor.KEY, Map.of(KEY, complaintId));
    }

    /** Puts the complaint id in the MDC until the returned value is closed. */
    public static MDC.MDCCloseable put(String complaintId) {
        return MDC.putCloseable(KEY, complaintId);
    }
}
