package closedloop.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves {@link Actor} parameters: today the {@value #HEADER} header, trimmed, or {@value #ANONYMOUS} when it is
 * absent or blank. The only place that knows where the actor comes from, so that changing the source (the signed-in
 * user's token) touches no controller.
 */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String HEADER = "X-Actor";
    public static final String ANONYMOUS = "anonymous";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Actor.class) && parameter.getParameterType() == String.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        return Mono.just(actorOf(exchange));
    }

    /** The actor of this exchange. */
    public static String actorOf(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HEADER);
        return StringUtils.hasText(header) ? header.strip() : ANONYMOUS;
    }
}
