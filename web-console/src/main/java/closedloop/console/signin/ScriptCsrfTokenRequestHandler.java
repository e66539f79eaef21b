package closedloop.console.signin;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a request's CSRF token is read, as the Spring Security reference advises for JavaScript applications: the
 * scripts send the cookie's raw token back in the header {@code X-XSRF-TOKEN}, which is compared as it is; a form
 * (the logout button) sends the {@code _csrf} parameter, which is the masked token a response gave out (a fresh mask
 * with every response, so that a compressed response never repeats it: BREACH) and is unmasked first.
 */
final class ScriptCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

    private final ServerCsrfTokenRequestHandler plain = new ServerCsrfTokenRequestAttributeHandler();
    private final ServerCsrfTokenRequestHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

    /** The token a response gives out (to the logout form) is always masked. */
    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        masked.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        boolean inTheHeader = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()) != null;
        return (inTheHeader ? plain : masked).resolveCsrfTokenValue(exchange, csrfToken);
    }
}
