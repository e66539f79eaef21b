package closedloop.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves {@link Actor} {@code String} parameters to the signed-in caller's name (their token's
 * {@code preferred_username}) and {@link Caller} parameters to the whole caller. The only place that knows where the
 * actor comes from: no header, whatever it claims, names the actor.
 */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class
                || parameter.hasParameterAnnotation(Actor.class) && parameter.getParameterType() == String.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        Mono<Caller> caller = exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .map(token -> TokenAuthentication.callerOf(token.getToken()))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "No signed-in caller on " + exchange.getRequest().getPath() + ": is its access rule open?")));
        return parameter.getParameterType() == Caller.class ? caller.cast(Object.class) : caller.map(Caller::name);
    }
}
