package closedloop.platform.security;

import closedloop.platform.web.FilterProblems;
import closedloop.platform.web.Problems;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a refused request in application/problem+json, as every other error: 401 with a {@code WWW-Authenticate:
 * Bearer} challenge (RFC 6750) when the token is missing or not accepted, 403 when a valid token lacks the right.
 * Neither answer says what the token contained, nor whether what was asked for exists.
 */
@RequiredArgsConstructor
public class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    /** The detail of a 403 for want of a role, as opposed to a refusal of the data asked for. */
    public static final String ROLE_REFUSED = "Your role may not do this.";

    private final FilterProblems problems;

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRefused = failure instanceof InvalidBearerTokenException;
        String challenge = tokenRefused
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is not accepted\""
                : "Bearer";
        String detail = tokenRefused
                ? "The access token is not accepted: it is expired, not yet valid, wrongly signed, from another issuer or for another audience."
                : "Sign in: this request needs an access token (Authorization: Bearer …).";
        return problems.answer(exchange, Problems.unauthorized("Unauthorized", detail, challenge));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.answer(exchange, Problems.forbidden(ROLE_REFUSED));
    }
}
