package closedloop.console;

import lombok.RequiredArgsConstructor;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * A service that does not answer becomes {@code 503 application/problem+json} naming it, so that the console can say
 * which part is down instead of showing a blank page: it refuses the connection, does not accept it in time, or its
 * name does not resolve (a stopped container's name, in docker-compose). Every other error is left to Spring Boot.
 */
@Component
@Order(-2)
@RequiredArgsConstructor
class UnreachableServiceHandler implements WebExceptionHandler {

    private final ObjectMapper json;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!isUnreachable(failure) || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "the service" : route.getId();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is not answering");
        problem.setTitle("Service unavailable");
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("service", service);
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return exchange.getResponse().writeWith(Mono.fromCallable(() -> body(exchange, problem)));
    }

    private DataBuffer body(ServerWebExchange exchange, ProblemDetail problem) throws JsonProcessingException {
        return exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(problem));
    }

    private static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
