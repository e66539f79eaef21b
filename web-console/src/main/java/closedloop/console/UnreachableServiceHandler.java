package closedloop.console;

import lombok.RequiredArgsConstructor;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
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

    private final ProblemWriter problems;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!isUnreachable(failure) || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "the service" : route.getId();
        ProblemDetail problem = ProblemWriter.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                service + " is not answering");
        problem.setProperty("service", service);
        return problems.write(exchange, problem);
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
