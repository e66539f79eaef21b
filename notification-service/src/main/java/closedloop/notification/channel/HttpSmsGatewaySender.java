package closedloop.notification.channel;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageSender;
import closedloop.notification.message.UndeliverableMessageException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMS channel through the operator's HTTP SMS gateway: {@code POST <closedloop.notification.sms.url>} with JSON
 * {@code {"reference", "to", "text", "signName", "templateCode"}}. A 2xx answer means accepted; a 4xx other than 408
 * and 429 refuses the message for good; anything else is an error worth retrying. (Minimal version of the delivery
 * work; the channels' work brings the full one.)
 */
@Component
public class HttpSmsGatewaySender implements MessageSender {

    private final WebClient web;
    private final URI url;
    private final String signName;
    private final String templateCode;

    public HttpSmsGatewaySender(WebClient.Builder web,
                                @Value("${closedloop.notification.sms.url:http://localhost:8089/sms}") URI url,
                                @Value("${closedloop.notification.sms.sign-name:}") String signName,
                                @Value("${closedloop.notification.sms.default-template-code:}") String templateCode) {
        this.web = web.build();
        this.url = url;
        this.signName = signName;
        this.templateCode = templateCode;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.SMS;
    }

    @Override
    public Mono<Void> deliver(Message message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reference", message.id());
        body.put("to", message.recipient());
        body.put("text", message.text());
        body.put("signName", signName);
        body.put("templateCode", templateCode);
        return web.post().uri(url).bodyValue(body)
                .retrieve()
                .onStatus(HttpSmsGatewaySender::refusedForGood, response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(answer -> new UndeliverableMessageException("SMS gateway refused the message: "
                                + response.statusCode() + " " + answer)))
                .toBodilessEntity()
                .then();
    }

    private static boolean refusedForGood(HttpStatusCode status) {
        return status.is4xxClientError() && status.value() != HttpStatus.REQUEST_TIMEOUT.value()
                && status.value() != HttpStatus.TOO_MANY_REQUESTS.value();
    }
}
