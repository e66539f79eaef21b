package closedloop.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Answers a request of the console itself (not one routed to a service) with an RFC 9457 problem, as
 * {@code application/problem+json}: the console's own 401, 403 and 503, which the pages read like the services'.
 */
@Component
@RequiredArgsConstructor
public class ProblemWriter {

    private final ObjectMapper json;

    /** A problem of this status, title and detail about the request's path. */
    public static ProblemDetail problem(ServerWebExchange exchange, HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return problem;
    }

    /**
     * Writes the problem as the response, with its status. What is left of the request's body is read and dropped
     * first: left unread on a kept-alive connection (a refused POST's body), it would stall the browser's next request
     * on that connection.
     */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Mono<Void> unreadBodyDropped = exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
                .onErrorComplete().then();
        return unreadBodyDropped.then(exchange.getResponse().writeWith(Mono.fromCallable(() -> body(exchange, problem))));
    }

    private DataBuffer body(ServerWebExchange exchange, ProblemDetail problem) throws JsonProcessingException {
        return exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(problem));
    }
}
