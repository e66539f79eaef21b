package closedloop.console.signin;

import closedloop.console.ProblemWriter;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A state-changing request without the CSRF token of this browser's cookie: {@code 403 application/problem+json}, and
 * nothing reaches a service. The console's scripts always send it, so a page from another site is the likely sender.
 */
@Component
@RequiredArgsConstructor
class CsrfRefused implements ServerAccessDeniedHandler {

    private final ProblemWriter problems;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException refused) {
        return problems.write(exchange, ProblemWriter.problem(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                "The request carries no valid CSRF token: load the console's page again and retry."));
    }
}
