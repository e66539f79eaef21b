package closedloop.notification.callback.web;

import closedloop.platform.web.FilterProblems;
import closedloop.platform.web.Problems;
import closedloop.platform.web.WebhookSignature;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Optional;

/**
 * Lets through to {@code POST /api/v1/sms/replies} only calls the SMS gateway signed
 * ({@link WebhookSignature}: {@code X-Signature} = hex HMAC-SHA256 of {@code <X-Timestamp>.<raw body>} with
 * {@code closedloop.notification.sms-reply.secret}). It reads the body as it arrived, checks the signature over those
 * very bytes and hands the same bytes on to the controller. A call without both headers, with a wrong signature or
 * with a timestamp further than {@code timestamp-tolerance} from the service's clock (a replay) is answered 401
 * problem+json here and goes no further. This path is the one API without a bearer token: the signature is its
 * authentication.
 */
@Component
@RequiredArgsConstructor
public class SmsReplySignatureFilter implements WebFilter {

    /** The path the gateway calls. */
    public static final String PATH = "/api/v1/sms/replies";

    /** A reply is 32 characters of phone and 1000 of text: more than this is not a reply the gateway sends. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private static final String SCHEME = "HMAC-SHA256 headers=\"" + WebhookSignature.TIMESTAMP + " "
            + WebhookSignature.SIGNATURE + "\"";

    private final SmsReplyProperties properties;
    private final Clock clock;
    private final FilterProblems problems;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY_BYTES)
                .map(buffer -> Optional.of(bytes(buffer)))
                .defaultIfEmpty(Optional.of(new byte[0]))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent() ? verified(exchange, chain, body.get())
                        : problems.answer(exchange, new PayloadTooLargeException(null)));
    }

    /** Hands the call on with the body as received when it is signed; else answers 401 and ends it. */
    private Mono<Void> verified(ServerWebExchange exchange, WebFilterChain chain, byte[] body) {
        WebhookSignature.Verdict verdict = check(exchange.getRequest(), body);
        if (verdict != WebhookSignature.Verdict.VALID) {
            return problems.answer(exchange, unauthorized(verdict));
        }
        return chain.filter(exchange.mutate().request(withBody(exchange, body)).build());
    }

    private WebhookSignature.Verdict check(ServerHttpRequest request, byte[] body) {
        HttpHeaders headers = request.getHeaders();
        return WebhookSignature.check(properties.secret(), headers.getFirst(WebhookSignature.TIMESTAMP),
                headers.getFirst(WebhookSignature.SIGNATURE), body, clock.instant(),
                properties.timestampTolerance());
    }

    private ErrorResponse unauthorized(WebhookSignature.Verdict verdict) {
        return switch (verdict) {
            case UNSIGNED -> Problems.unauthorized("Unsigned SMS reply", "The SMS gateway signs each reply it "
                    + "forwards: headers " + WebhookSignature.TIMESTAMP + " (Unix seconds) and "
                    + WebhookSignature.SIGNATURE + " (hex HMAC-SHA256 of <timestamp>.<body>)", SCHEME);
            case BAD_SIGNATURE -> Problems.unauthorized("Bad signature",
                    "The signature is not the one of this body and timestamp under the shared secret", SCHEME);
            case STALE -> Problems.unauthorized("Stale timestamp", "The timestamp is more than "
                    + properties.timestampTolerance() + " away from now; the call may be a replay", SCHEME);
            case VALID -> throw new IllegalArgumentException("A valid call is not refused");
        };
    }

    /** The request with the body read already, to be read again by the controller. */
    private static ServerHttpRequest withBody(ServerWebExchange exchange, byte[] body) {
        return new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
