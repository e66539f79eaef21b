package closedloop.platform.web;

import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before anything reads them, query parameters and the old {@code X-Actor} header longer than any real value
 * (400 problem+json naming each): a complaint id, a branch code, an ISO instant or a page number is far shorter. The
 * actor always comes from the access token and {@code X-Actor} is ignored; it is bounded all the same, so that no
 * proxy or log is handed a megabyte of it.
 */
@RequiredArgsConstructor
public class RequestBounds implements WebFilter, Ordered {

    /** The longest query parameter value (and name) accepted. */
    public static final int MAX_PARAMETER_LENGTH = 256;
    /** The most query parameters one request may carry. */
    public static final int MAX_PARAMETERS = 32;
    /** The header callers once named themselves in; as long as the longest actor name a token may carry. */
    public static final String ACTOR_HEADER = "X-Actor";
    public static final int MAX_ACTOR_LENGTH = 64;

    private final FilterProblems problems;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<FieldError> errors = outOfBounds(exchange.getRequest());
        return errors.isEmpty() ? chain.filter(exchange)
                : problems.answer(exchange, Problems.badRequest(errors));
    }

    static List<FieldError> outOfBounds(ServerHttpRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String actor = request.getHeaders().getFirst(ACTOR_HEADER);
        if (actor != null && actor.length() > MAX_ACTOR_LENGTH) {
            errors.add(new FieldError(ACTOR_HEADER, "at most " + MAX_ACTOR_LENGTH + " characters"));
        }
        int parameters = 0;
        for (Map.Entry<String, List<String>> parameter : request.getQueryParams().entrySet()) {
            parameters += parameter.getValue().size();
            String name = parameter.getKey();
            if (name.length() > MAX_PARAMETER_LENGTH) {
                errors.add(new FieldError("query", "a parameter name is at most " + MAX_PARAMETER_LENGTH
                        + " characters"));
            } else if (parameter.getValue().stream().anyMatch(value -> value != null
                    && value.length() > MAX_PARAMETER_LENGTH)) {
                errors.add(new FieldError(name, "at most " + MAX_PARAMETER_LENGTH + " characters"));
            }
        }
        if (parameters > MAX_PARAMETERS) {
            errors.add(new FieldError("query", "at most " + MAX_PARAMETERS + " parameters"));
        }
        return errors;
    }
}
