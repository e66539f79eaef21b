package closedloop.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Answers a refused request in application/problem+json, as every other error: 401 with a {@code WWW-Authenticate:
 * Bearer} challenge (RFC 6750) when the token is missing or not accepted, 403 when a valid token lacks the right.
 * Neither answer says what the token contained, nor whether what was asked for exists.
 */
@RequiredArgsConstructor
public class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    /** The detail of a 403 for want of a role, as opposed to a refusal of the data asked for. */
    public static final String ROLE_REFUSED = "Your role may not do this.";

    private final ObjectMapper json;

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRefused = failure instanceof InvalidBearerTokenException;
        String challenge = tokenRefused
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is not accepted\""
                : "Bearer";
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        String detail = tokenRefused
                ? "The access token is not accepted: it is expired, not yet valid, wrongly signed, from another issuer or for another audience."
                : "Sign in: this request needs an access token (Authorization: Bearer …).";
        return write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN, "Forbidden", ROLE_REFUSED);
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            byte[] body = json.writeValueAsBytes(problem);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }
}
