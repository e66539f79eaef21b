package closedloop.notification.channel;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageSender;
import closedloop.notification.message.UndeliverableMessageException;
import closedloop.platform.PhoneNumbers;
import io.netty.channel.ChannelOption;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends SMS through the operator's gateway, one JSON POST per message to {@code closedloop.notification.sms.url}:
 * {@code {"reference", "to", "text", "signName", "templateCode"}}, with HTTP Basic authentication when a user is set
 * and the message's id as {@code Idempotency-Key}, so that the gateway can drop a message sent twice. A 2xx answer
 * means the gateway accepted it; a 4xx other than 408 and 429 is a refusal for good
 * ({@link UndeliverableMessageException}); anything else, a timeout or no connection, is a plain error, to be tried
 * again. What the gateway answered is kept (as the message's last error) with any phone number in it masked.
 */
@Component
public class HttpSmsGatewaySender implements MessageSender {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int EXCERPT = 500;

    private final WebClient gateway;
    private final SmsGatewayProperties properties;

    public HttpSmsGatewaySender(WebClient.Builder builder, SmsGatewayProperties properties) {
        this.properties = properties;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        WebClient.Builder configured = builder.clone().clientConnector(new ReactorClientHttpConnector(http));
        if (StringUtils.hasText(properties.username())) {
            configured.defaultHeaders(headers -> headers.setBasicAuth(properties.username(),
                    properties.password() == null ? "" : properties.password()));
        }
        this.gateway = configured.build();
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.SMS;
    }

    @Override
    public Mono<Void> deliver(Message message) {
        SmsRequest request = new SmsRequest(message.id(), message.recipient(), message.text(),
                properties.signName(), properties.templateCodeFor(message.purpose()));
        return gateway.post()
                .uri(properties.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, message.id())
                .bodyValue(request)
                .exchangeToMono(response -> answer(message, response));
    }

    private Mono<Void> answer(Message message, ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        if (status.is2xxSuccessful()) {
            return response.releaseBody();
        }
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .flatMap(body -> Mono.error(refusal(message, status, excerpt(body))));
    }

    private static RuntimeException refusal(Message message, HttpStatusCode status, String body) {
        String reason = "The SMS gateway answered " + status.value() + " to message " + message.id() + ": " + body;
        if (isRefusalForGood(status)) {
            return new UndeliverableMessageException(reason);
        }
        return new SmsGatewayException(reason);
    }

    /** A 4xx says the request itself is wrong, except 408 (too slow) and 429 (too many), which pass with time. */
    static boolean isRefusalForGood(HttpStatusCode status) {
        return status.is4xxClientError() && status.value() != HttpStatus.REQUEST_TIMEOUT.value()
                && status.value() != HttpStatus.TOO_MANY_REQUESTS.value();
    }

    private static String excerpt(String body) {
        String line = PhoneNumbers.maskAll(body.replaceAll("\\s+", " ").strip());
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }

    /** What the gateway receives. */
    record SmsRequest(String reference, String to, String text, String signName, String templateCode) {

        /** Prints the number masked and the words as their length: Spring logs the bodies it writes at DEBUG. */
        @Override
        public String toString() {
            return "SmsRequest[reference=" + reference + ", to=" + PhoneNumbers.mask(to) + ", text=("
                    + (text == null ? 0 : text.length()) + " characters), signName=" + signName + ", templateCode="
                    + templateCode + "]";
        }
    }
}
