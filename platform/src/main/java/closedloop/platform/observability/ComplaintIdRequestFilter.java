package closedloop.platform.observability;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Names the complaint a request is about in the MDC of every line logged while it is handled
 * ({@link ComplaintIdInLogs}): the id in a {@code /complaints/{id}} path or a {@code complaintId} query parameter. A
 * request that names no complaint, or a value that is not an id (at most 64 letters, digits and dashes, so that
 * nothing a caller types reaches the logs), adds nothing.
 */
public class ComplaintIdRequestFilter implements WebFilter {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String COMPLAINTS = "complaints";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String complaintId = complaintId(exchange.getRequest());
        return complaintId == null ? chain.filter(exchange)
                : chain.filter(exchange).contextWrite(ComplaintIdInLogs.context(complaintId));
    }

    /** The complaint a request names, or null. */
    static String complaintId(ServerHttpRequest request) {
        String named = request.getQueryParams().getFirst("complaintId");
        if (named == null) {
            List<String> segments = List.of(request.getPath().pathWithinApplication().value().split("/"));
            int complaints = segments.indexOf(COMPLAINTS);
            named = complaints >= 0 && complaints + 1 < segments.size() ? segments.get(complaints + 1) : null;
        }
        return named != null && ID.matcher(named).matches() ? named : null;
    }
}
