package closedloop.console.signin.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /console/me}: who is signed in at this browser ({@link SignedIn}), answered by the console itself and
 * never routed to a service. Without a sign-in it is a 401 problem like every script's request.
 */
@RestController
class SignedInController {

    @GetMapping("/console/me")
    Mono<SignedIn> signedIn(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        return exchange.<Mono<CsrfToken>>getRequiredAttribute(CsrfToken.class.getName())
                .map(csrf -> SignedIn.of(user, csrf));
    }
}
