package closedloop.platform.web;

import lombok.RequiredArgsConstructor;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/**
 * Answers a request from a {@code WebFilter}, where no {@code @ControllerAdvice} reaches, exactly as the platform
 * answers an error thrown by a controller: application/problem+json with the error's headers (such as
 * {@code Retry-After} or {@code WWW-Authenticate}) and the request's path as {@code instance}.
 */
@RequiredArgsConstructor
public class FilterProblems {

    private final ServerCodecConfigurer codecs;

    /**
     * Writes the error as the answer; the request goes no further. What is left of the request's body is read and
     * dropped first: left unread on a kept-alive connection, it would stall the client's next request on it.
     */
    public Mono<Void> answer(ServerWebExchange exchange, ErrorResponse error) {
        ProblemDetail problem = error.getBody();
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        Mono<Void> write = ServerResponse.status(error.getStatusCode())
                .headers(headers -> headers.addAll(error.getHeaders()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, new Writers(codecs.getWriters())));
        return unreadBodyDropped(exchange).then(write);
    }

    /** Reads the body to its end, keeping nothing; a body another filter has read already is not read again. */
    private static Mono<Void> unreadBodyDropped(ServerWebExchange exchange) {
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).onErrorComplete().then();
    }

    private record Writers(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

        @Override
        public List<ViewResolver> viewResolvers() {
            return List.of();
        }
    }
}
