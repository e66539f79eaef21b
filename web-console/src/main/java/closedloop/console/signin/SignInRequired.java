package closedloop.console.signin;

import closedloop.console.ProblemWriter;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A script's request without a valid sign-in: {@code 401 application/problem+json} with the property
 * {@code signIn}, the page that signs in again, rather than a redirect that {@code fetch} would follow to the
 * issuer's login page. Two causes: nobody signed in to this session (or it expired), and a signed-in person whose
 * tokens the issuer no longer refreshes (their sign-in there ended, or the issuer forgot it): their session then ends
 * here too, so that loading the page signs them in afresh. A 401 a service answers itself has no {@code signIn}.
 */
@Component
@Order(-3)
@RequiredArgsConstructor
class SignInRequired implements ServerAuthenticationEntryPoint, WebExceptionHandler {

    private final ProblemWriter problems;

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException notSignedIn) {
        return problems.write(exchange, problem(exchange, "Sign in to the console first."));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!(failure instanceof ClientAuthorizationException) || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return exchange.getSession()
                .flatMap(WebSession::invalidate)
                .then(Mono.defer(() -> problems.write(exchange,
                        problem(exchange, "Your sign-in has ended: sign in to the console again."))));
    }

    private static ProblemDetail problem(ServerWebExchange exchange, String detail) {
        ProblemDetail problem = ProblemWriter.problem(exchange, HttpStatus.UNAUTHORIZED, "Sign-in required", detail);
        problem.setProperty("signIn", "/");
        return problem;
    }
}
